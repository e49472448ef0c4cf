package org.kintsugi.incident;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An incident as people and other modules read it. */
public record IncidentView(
        long id,
        String key,
        long version,
        String title,
        String summary,
        IncidentKind kind,
        Severity severity,
        IncidentStatus status,
        String impact,
        @Nullable Integer peopleAffected,
        List<String> services,
        List<String> teams,
        Lifecycle lifecycle,
        String declaredBy,
        Instant declaredAt,
        Instant updatedAt) {

    public Durations durations() {
        return lifecycle.durations();
    }

    /** Return the details as they stand, the starting point of a revision. */
    public IncidentDetails details() {
        return new IncidentDetails(
                title,
                summary,
                kind,
                severity,
                impact,
                peopleAffected,
                services,
                teams,
                lifecycle.startedAt(),
                lifecycle.detectedAt(),
                lifecycle.acknowledgedAt(),
                lifecycle.mitigatedAt(),
                lifecycle.resolvedAt());
    }

    /** Return this incident with the given services and teams, which a list reads apart from the rows. */
    IncidentView withTags(List<String> services, List<String> teams) {
        return new IncidentView(
                id,
                key,
                version,
                title,
                summary,
                kind,
                severity,
                status,
                impact,
                peopleAffected,
                services,
                teams,
                lifecycle,
                declaredBy,
                declaredAt,
                updatedAt);
    }
}
