package org.kintsugi.incident;

import java.time.Instant;

/** An incident was declared. */
public record IncidentDeclared(
        long incidentId, String key, String title, IncidentKind kind, Severity severity, Instant startedAt) {}
