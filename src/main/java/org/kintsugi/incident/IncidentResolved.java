package org.kintsugi.incident;

import java.time.Instant;

/** An incident was resolved; later modules start its postmortem from here. */
public record IncidentResolved(
        long incidentId,
        String key,
        String title,
        IncidentKind kind,
        Severity severity,
        Instant startedAt,
        Instant resolvedAt) {}
