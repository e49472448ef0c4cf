package org.kintsugi.incident.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.incident.Severity;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.Parsing;

/**
 * The incident form exactly as typed: every field is text so nothing the person entered is lost when it cannot be
 * read. Moments are local date-times in the chosen zone.
 */
record IncidentForm(
        @Nullable String title,
        @Nullable String summary,
        @Nullable String kind,
        @Nullable String severity,
        @Nullable String impact,
        @Nullable String peopleAffected,
        @Nullable String services,
        @Nullable String teams,
        @Nullable String zone,
        @Nullable String startedAt,
        @Nullable String detectedAt,
        @Nullable String acknowledgedAt,
        @Nullable String mitigatedAt,
        @Nullable String resolvedAt,
        @Nullable Long version) {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static IncidentForm blank(ZoneId zone, Instant now) {
        return new IncidentForm(
                "", "", "system", "SEV3", "", "", "", "", zone.getId(), local(now, zone), "", "", "", "", null);
    }

    static IncidentForm of(IncidentView incident, ZoneId zone) {
        var life = incident.lifecycle();
        return new IncidentForm(
                incident.title(),
                incident.summary(),
                incident.kind().code(),
                incident.severity().name(),
                incident.impact(),
                incident.peopleAffected() == null
                        ? ""
                        : incident.peopleAffected().toString(),
                String.join(", ", incident.services()),
                String.join(", ", incident.teams()),
                zone.getId(),
                local(life.startedAt(), zone),
                local(life.detectedAt(), zone),
                local(life.acknowledgedAt(), zone),
                local(life.mitigatedAt(), zone),
                local(life.resolvedAt(), zone),
                incident.version());
    }

    IncidentForm withVersion(long newVersion) {
        return new IncidentForm(
                title,
                summary,
                kind,
                severity,
                impact,
                peopleAffected,
                services,
                teams,
                zone,
                startedAt,
                detectedAt,
                acknowledgedAt,
                mitigatedAt,
                resolvedAt,
                newVersion);
    }

    /** Read the form into details, collecting a problem for every field that cannot be read. */
    IncidentDetails details() {
        List<FieldProblem> problems = new ArrayList<>();
        ZoneId zoneId = zone(problems);
        var details = new IncidentDetails(
                title,
                summary,
                Parsing.enumValue("kind", kind, IncidentKind.class, problems),
                Parsing.enumValue("severity", severity, Severity.class, problems),
                impact,
                people(problems),
                tags(services),
                tags(teams),
                moment("startedAt", startedAt, zoneId, problems),
                moment("detectedAt", detectedAt, zoneId, problems),
                moment("acknowledgedAt", acknowledgedAt, zoneId, problems),
                moment("mitigatedAt", mitigatedAt, zoneId, problems),
                moment("resolvedAt", resolvedAt, zoneId, problems));
        Parsing.check(problems);
        return details;
    }

    static String local(@Nullable Instant at, ZoneId zone) {
        return at == null ? "" : LOCAL.format(at.atZone(zone).truncatedTo(ChronoUnit.MINUTES));
    }

    static @Nullable Instant moment(String field, @Nullable String text, ZoneId zone, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "'" + text + "' is not a date and time (use 2026-11-21T14:05)"));
            return null;
        }
    }

    private ZoneId zone(List<FieldProblem> problems) {
        try {
            return ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("zone", "'" + zone + "' is not a time zone"));
            return ZoneId.of("UTC");
        }
    }

    private @Nullable Integer people(List<FieldProblem> problems) {
        if (peopleAffected == null || peopleAffected.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(peopleAffected.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("peopleAffected", "'" + peopleAffected + "' is not a whole number"));
            return null;
        }
    }

    static List<String> tags(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
