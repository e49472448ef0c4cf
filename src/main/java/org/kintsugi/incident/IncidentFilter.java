package org.kintsugi.incident;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which incidents to list and how: empty sets and {@code null}s do not filter. {@code from} and {@code to} bound the
 * start of the incident ({@code to} exclusive). {@code after}, a cursor from {@link IncidentSort#cursorAfter} naming
 * the last incident of the page before, lets the newest-first list start right after it instead of counting its way
 * past every earlier page; the page number is then only shown.
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
        int size,
        @Nullable String after) {

    public static final int MAX_PAGE_SIZE = 100;

    public IncidentFilter {
        statuses = Set.copyOf(statuses);
        severities = Set.copyOf(severities);
        kinds = Set.copyOf(kinds);
        page = Math.max(0, page);
        size = Math.clamp(size, 1, MAX_PAGE_SIZE);
    }

    /** Return the filter for a page found by its number alone. */
    public IncidentFilter(
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
        this(statuses, severities, kinds, service, team, from, to, text, sort, page, size, null);
    }

    /** Return the filter that lists everything, newest first. */
    public static IncidentFilter all() {
        return new IncidentFilter(
                Set.of(), Set.of(), Set.of(), null, null, null, null, null, IncidentSort.NEWEST, 0, 25);
    }
}
