package org.kintsugi.incident.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.ActivityView;
import org.kintsugi.incident.Durations;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.incident.Severity;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.Parsing;
import org.springframework.data.domain.Page;

/** The JSON shapes of the incident API: requests are read leniently and checked field by field. */
final class IncidentJson {

    private IncidentJson() {}

    /**
     * An incident as a client sends it. Kinds are {@code system|process|people|security|other}, severities
     * {@code SEV1}–{@code SEV4}, moments ISO-8601 with an offset ({@code 2026-11-21T14:05:00+01:00}).
     */
    record IncidentRequest(
            @Nullable String title,
            @Nullable String summary,
            @Nullable String kind,
            @Nullable String severity,
            @Nullable String impact,
            @Nullable Integer peopleAffected,
            @Nullable List<String> services,
            @Nullable List<String> teams,
            @Nullable String startedAt,
            @Nullable String detectedAt,
            @Nullable String acknowledgedAt,
            @Nullable String mitigatedAt,
            @Nullable String resolvedAt) {

        static IncidentRequest of(IncidentView incident) {
            var life = incident.lifecycle();
            return new IncidentRequest(
                    incident.title(),
                    incident.summary(),
                    incident.kind().code(),
                    incident.severity().name(),
                    incident.impact(),
                    incident.peopleAffected(),
                    incident.services(),
                    incident.teams(),
                    text(life.startedAt()),
                    text(life.detectedAt()),
                    text(life.acknowledgedAt()),
                    text(life.mitigatedAt()),
                    text(life.resolvedAt()));
        }

        IncidentDetails details() {
            List<FieldProblem> problems = new ArrayList<>();
            var details = new IncidentDetails(
                    title,
                    summary,
                    Parsing.enumValue("kind", kind, IncidentKind.class, problems),
                    Parsing.enumValue("severity", severity, Severity.class, problems),
                    impact,
                    peopleAffected,
                    services,
                    teams,
                    moment("startedAt", startedAt, problems),
                    moment("detectedAt", detectedAt, problems),
                    moment("acknowledgedAt", acknowledgedAt, problems),
                    moment("mitigatedAt", mitigatedAt, problems),
                    moment("resolvedAt", resolvedAt, problems));
            Parsing.check(problems);
            return details;
        }
    }

    /** Resolve at a moment; now when absent. */
    record ResolveRequest(@Nullable String resolvedAt) {}

    record DurationJson(String iso, long seconds, String text) {

        static @Nullable DurationJson of(@Nullable Duration d) {
            return d == null ? null : new DurationJson(d.toString(), d.getSeconds(), Durations.human(d));
        }
    }

    record DurationsJson(
            @Nullable DurationJson toDetect,
            @Nullable DurationJson toAcknowledge,
            @Nullable DurationJson toMitigate,
            @Nullable DurationJson toResolve) {}

    record IncidentResponse(
            long id,
            String key,
            long version,
            String status,
            String title,
            String summary,
            String kind,
            String severity,
            String impact,
            @Nullable Integer peopleAffected,
            List<String> services,
            List<String> teams,
            @Nullable Instant startedAt,
            @Nullable Instant detectedAt,
            @Nullable Instant acknowledgedAt,
            @Nullable Instant mitigatedAt,
            @Nullable Instant resolvedAt,
            DurationsJson durations,
            String declaredBy,
            Instant declaredAt,
            Instant updatedAt) {

        static IncidentResponse of(IncidentView i) {
            var life = i.lifecycle();
            var d = i.durations();
            return new IncidentResponse(
                    i.id(),
                    i.key(),
                    i.version(),
                    i.status().code(),
                    i.title(),
                    i.summary(),
                    i.kind().code(),
                    i.severity().name(),
                    i.impact(),
                    i.peopleAffected(),
                    i.services(),
                    i.teams(),
                    life.startedAt(),
                    life.detectedAt(),
                    life.acknowledgedAt(),
                    life.mitigatedAt(),
                    life.resolvedAt(),
                    new DurationsJson(
                            DurationJson.of(d.toDetect()),
                            DurationJson.of(d.toAcknowledge()),
                            DurationJson.of(d.toMitigate()),
                            DurationJson.of(d.toResolve())),
                    i.declaredBy(),
                    i.declaredAt(),
                    i.updatedAt());
        }
    }

    record PageResponse(List<IncidentResponse> items, int page, int size, long totalItems, int totalPages) {

        static PageResponse of(Page<IncidentView> page) {
            return new PageResponse(
                    page.getContent().stream().map(IncidentResponse::of).toList(),
                    page.getNumber(),
                    page.getSize(),
                    page.getTotalElements(),
                    page.getTotalPages());
        }
    }

    record ActivityResponse(
            Instant at,
            String actor,
            String action,
            @Nullable String field,
            @Nullable String oldValue,
            @Nullable String newValue) {

        static ActivityResponse of(ActivityView a) {
            return new ActivityResponse(a.at(), a.actor(), a.action(), a.field(), a.oldValue(), a.newValue());
        }
    }

    static @Nullable String text(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }

    static @Nullable Instant moment(String field, @Nullable String text, List<FieldProblem> problems) {
        return Parsing.moment(field, text, problems);
    }
}
