package org.kintsugi.incident.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.ActivityView;
import org.kintsugi.incident.Durations;
import org.kintsugi.incident.IncidentPage;
import org.kintsugi.incident.Lifecycle;

/**
 * What the incident page shows, formatted in the reader's zone up front, so the template only places text (and the
 * page renders in a fraction of the time expression-heavy markup takes).
 */
public record IncidentPageModel(List<Figure> durations, List<Moment> moments, List<Line> activity) {

    /** A labelled figure such as "Time to detect: 7m". */
    public record Figure(String label, String value) {}

    /** A lifecycle moment: its label, ISO-8601 form for {@code <time datetime>} and text in the reader's zone. */
    public record Moment(String label, String iso, String text) {}

    /** One activity entry with its values already in words. */
    public record Line(
            String iso,
            String time,
            String actor,
            String action,
            @Nullable String field,
            String oldValue,
            String newValue) {}

    static IncidentPageModel of(IncidentPage page, ZoneId zone, Times times) {
        Lifecycle life = page.incident().lifecycle();
        Durations d = life.durations();
        return new IncidentPageModel(
                List.of(
                        new Figure("Time to detect", Durations.human(d.toDetect())),
                        new Figure("Time to acknowledge", Durations.human(d.toAcknowledge())),
                        new Figure("Time to mitigate", Durations.human(d.toMitigate())),
                        new Figure("Time to resolve", Durations.human(d.toResolve()))),
                List.of(
                        moment("Started", life.startedAt(), zone, times),
                        moment("Detected", life.detectedAt(), zone, times),
                        moment("Acknowledged", life.acknowledgedAt(), zone, times),
                        moment("Mitigated", life.mitigatedAt(), zone, times),
                        moment("Resolved", life.resolvedAt(), zone, times)),
                page.activity().stream().map(a -> line(a, zone, times)).toList());
    }

    private static Moment moment(String label, @Nullable Instant at, ZoneId zone, Times times) {
        return new Moment(label, times.iso(at), times.format(at, zone));
    }

    private static Line line(ActivityView a, ZoneId zone, Times times) {
        boolean moment = a.isMoment() || "resolved".equals(a.action());
        return new Line(
                times.iso(a.at()),
                times.format(a.at(), zone),
                a.actor(),
                a.action(),
                a.field(),
                times.value(a.oldValue(), moment, zone),
                times.value(a.newValue(), moment, zone));
    }
}
