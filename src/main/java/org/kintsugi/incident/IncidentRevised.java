package org.kintsugi.incident;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An incident's details were changed; modules that keep a copy of some of them refresh it from here. */
public record IncidentRevised(
        long incidentId,
        String key,
        String title,
        IncidentKind kind,
        Severity severity,
        List<String> teams,
        List<String> services,
        @Nullable Instant resolvedAt) {}
