package org.kintsugi.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The incident's phases laid end to end, as proportions of its whole length, for drawing as SVG. An open incident
 * runs until now and its last phase is marked ongoing.
 */
public record PhaseBar(List<Segment> segments, String summary) {

    /** One phase: a CSS class, a label, where it starts and how wide it is, in per cent of the bar. */
    public record Segment(String phase, String label, double x, double width, String duration, boolean ongoing) {

        /** Return the left edge in the SVG's 1000-unit wide coordinate system. */
        public double svgX() {
            return x * 10;
        }

        /** Return the width in SVG units, at least 2 so a brief phase stays visible. */
        public double svgWidth() {
            return Math.max(2, width * 10);
        }

        /** Return the tooltip text. */
        public String title() {
            return label + ": " + duration + (ongoing ? " so far" : "");
        }
    }

    /**
     * Return the fragment that draws the bar, taking it as its one argument, for the pages of other modules that show
     * an incident's phases: {@code ~{__${bar.fragment()}__(${bar})}}.
     */
    public String fragment() {
        return "incident/fragments/phase-bar :: bar";
    }

    private record Point(
            String phase, String label, @Nullable Instant at) {}

    /** Lay out the phases of a lifecycle; an incident not yet resolved runs until {@code now}. */
    public static PhaseBar of(Lifecycle life, Instant now) {
        Instant start = life.startedAt() == null ? now : life.startedAt();
        boolean ongoing = life.resolvedAt() == null;
        Instant end = ongoing ? max(now, start) : life.resolvedAt();
        List<Point> points = List.of(
                new Point("undetected", "Undetected", start),
                new Point("detected", "Awaiting acknowledgement", life.detectedAt()),
                new Point("responding", "Responding", life.acknowledgedAt()),
                new Point("mitigated", "Mitigated, recovering", life.mitigatedAt()));
        List<Point> known = points.stream().filter(p -> p.at() != null).toList();
        double total = Math.max(1, Duration.between(start, end).toMillis());
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            Point p = known.get(i);
            Instant from = p.at();
            Instant to = i + 1 < known.size() ? known.get(i + 1).at() : end;
            boolean last = i + 1 == known.size();
            double x = 100 * Duration.between(start, from).toMillis() / total;
            double width = 100 * Math.max(0, Duration.between(from, to).toMillis()) / total;
            segments.add(new Segment(
                    p.phase(),
                    p.label(),
                    round(x),
                    round(width),
                    Durations.human(Duration.between(from, to)),
                    last && ongoing));
        }
        String summary = segments.stream()
                        .map(s -> s.label() + " for " + s.duration() + (s.ongoing() ? " so far" : ""))
                        .reduce((a, b) -> a + ", then " + b)
                        .orElse("No phases yet")
                + (ongoing ? "; still open." : "; resolved.");
        return new PhaseBar(segments, summary);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
