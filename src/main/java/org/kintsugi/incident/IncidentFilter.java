package org.kintsugi.incident;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which incidents to list and how: empty sets and {@code null}s do not filter. {@code from} and {@code to} bound the
 * start of the incident ({@code to} exclusive).
 */
public record IncidentFilter(
        Set<IncidentStatus> statuses,
        Set<Severity> severities,
        Set<IncidentKind> kinds,
        @Nullable String service,
        @Nullable String team,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String text,
        IncidentSort sort,
        int page,
        int size) {

    public static final int MAX_PAGE_SIZE = 100;

    public IncidentFilter {
        statuses = Set.copyOf(statuses);
        severities = Set.copyOf(severities);
        kinds = Set.copyOf(kinds);
        page = Math.max(0, page);
        size = Math.clamp(size, 1, MAX_PAGE_SIZE);
    }

    /** Return the filter that lists everything, newest first. */
    public static IncidentFilter all() {
        return new IncidentFilter(
                Set.of(), Set.of(), Set.of(), null, null, null, null, null, IncidentSort.NEWEST, 0, 25);
    }
}
