package org.kintsugi.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.FieldProblem;

/**
 * The moments of an incident's life: it started, someone detected it, acknowledged it, mitigated it and resolved it.
 * Only the start is required; each later moment must not come before the ones it follows.
 */
public record Lifecycle(
        @Nullable Instant startedAt,
        @Nullable Instant detectedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant mitigatedAt,
        @Nullable Instant resolvedAt) {

    /** How far in the future a moment may lie before it is refused, to forgive clocks that are slightly off. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Return the problems with these moments, one per field, in words the person who entered them can act on. */
    public List<FieldProblem> problems(Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (startedAt == null) {
            problems.add(new FieldProblem("startedAt", "is required: when did it start affecting someone?"));
        }
        notInFuture(problems, "startedAt", startedAt, now);
        notInFuture(problems, "detectedAt", detectedAt, now);
        notInFuture(problems, "acknowledgedAt", acknowledgedAt, now);
        notInFuture(problems, "mitigatedAt", mitigatedAt, now);
        notInFuture(problems, "resolvedAt", resolvedAt, now);
        notBefore(problems, "detectedAt", detectedAt, "the start", startedAt);
        notBefore(problems, "acknowledgedAt", acknowledgedAt, "detection", detectedAt);
        notBefore(problems, "acknowledgedAt", acknowledgedAt, "the start", startedAt);
        notBefore(problems, "mitigatedAt", mitigatedAt, "the start", startedAt);
        notBefore(problems, "mitigatedAt", mitigatedAt, "detection", detectedAt);
        notBefore(problems, "resolvedAt", resolvedAt, "the start", startedAt);
        notBefore(problems, "resolvedAt", resolvedAt, "detection", detectedAt);
        notBefore(problems, "resolvedAt", resolvedAt, "mitigation", mitigatedAt);
        return keepFirstPerField(problems);
    }

    /** Return the status these moments put the incident in. */
    public IncidentStatus status() {
        return IncidentStatus.of(mitigatedAt, resolvedAt);
    }

    /** Return the durations between the moments, as far as they are known. */
    public Durations durations() {
        return new Durations(
                between(startedAt, detectedAt),
                between(detectedAt != null ? detectedAt : startedAt, acknowledgedAt),
                between(startedAt, mitigatedAt),
                between(startedAt, resolvedAt));
    }

    /** Return a copy resolved at the given moment. */
    public Lifecycle resolvedAt(Instant at) {
        return new Lifecycle(startedAt, detectedAt, acknowledgedAt, mitigatedAt, at);
    }

    private static @Nullable Duration between(@Nullable Instant from, @Nullable Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }

    private static void notInFuture(List<FieldProblem> problems, String field, @Nullable Instant at, Instant now) {
        if (at != null && at.isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new FieldProblem(field, "cannot be in the future"));
        }
    }

    private static void notBefore(
            List<FieldProblem> problems,
            String field,
            @Nullable Instant at,
            String earlierName,
            @Nullable Instant earlier) {
        if (at != null && earlier != null && at.isBefore(earlier)) {
            problems.add(new FieldProblem(field, "cannot be before " + earlierName));
        }
    }

    private static List<FieldProblem> keepFirstPerField(List<FieldProblem> problems) {
        List<FieldProblem> first = new ArrayList<>();
        for (FieldProblem problem : problems) {
            if (first.stream().noneMatch(p -> p.field().equals(problem.field()))) {
                first.add(problem);
            }
        }
        return first;
    }
}
