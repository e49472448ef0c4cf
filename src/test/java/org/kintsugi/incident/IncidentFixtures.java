package org.kintsugi.incident;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Incidents as people declare them, for tests. */
public final class IncidentFixtures {

    public static final Instant STARTED = Instant.parse("2026-11-20T10:00:00Z");

    private IncidentFixtures() {}

    /** A SEV1 outage, detected after 7 minutes, acknowledged after 12, mitigated after 40, still open. */
    public static IncidentDetails sev1Outage() {
        return new IncidentDetails(
                "Checkout unavailable in the EU",
                "Payments timed out after a certificate rotation.",
                IncidentKind.SYSTEM,
                Severity.SEV1,
                "Customers in the EU could not pay for 40 minutes.",
                1200,
                List.of("checkout", "payments"),
                List.of("Platform"),
                STARTED,
                STARTED.plusSeconds(7 * 60),
                STARTED.plusSeconds(12 * 60),
                STARTED.plusSeconds(40 * 60),
                null);
    }

    /** A failed handover between shifts: a people-and-process incident with no system down. */
    public static IncidentDetails failedHandover() {
        return new IncidentDetails(
                "On-call handover missed an open escalation",
                "",
                IncidentKind.PROCESS,
                Severity.SEV3,
                "A customer waited a day for an answer that was promised within an hour.",
                null,
                List.of(),
                List.of("Support"),
                STARTED,
                null,
                null,
                null,
                null);
    }

    /** A SEV2 system incident with no services or teams, started at {@code started} and resolved at {@code resolved}. */
    public static IncidentDetails sev2(
            String title, String summary, String impact, Instant started, @Nullable Instant resolved) {
        return new IncidentDetails(
                title,
                summary,
                IncidentKind.SYSTEM,
                Severity.SEV2,
                impact,
                null,
                List.of(),
                List.of(),
                started,
                null,
                null,
                null,
                resolved);
    }

    public static IncidentDetails with(IncidentDetails d, Lifecycle l) {
        return new IncidentDetails(
                d.title(),
                d.summary(),
                d.kind(),
                d.severity(),
                d.impact(),
                d.peopleAffected(),
                d.services(),
                d.teams(),
                l.startedAt(),
                l.detectedAt(),
                l.acknowledgedAt(),
                l.mitigatedAt(),
                l.resolvedAt());
    }

    public static IncidentDetails titled(IncidentDetails d, String title) {
        return new IncidentDetails(
                title,
                d.summary(),
                d.kind(),
                d.severity(),
                d.impact(),
                d.peopleAffected(),
                d.services(),
                d.teams(),
                d.startedAt(),
                d.detectedAt(),
                d.acknowledgedAt(),
                d.mitigatedAt(),
                d.resolvedAt());
    }
}
