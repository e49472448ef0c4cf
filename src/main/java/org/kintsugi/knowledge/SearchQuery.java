package org.kintsugi.knowledge;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a person searches for: words (English analysis; {@code "phrases in quotes"}, {@code -word} to leave out,
 * {@code a | b} for either, {@code word*} for a prefix) and filters; empty sets and {@code null}s do not filter.
 *
 * @param typing whether the person is still typing, so the last word also matches as the start of a longer word
 * @param from the first day an incident may have started on (UTC), inclusive
 * @param to the last day an incident may have started on (UTC), inclusive
 * @param page the page, from 1
 */
public record SearchQuery(
        String text,
        Set<String> kinds,
        Set<String> severities,
        Set<String> statuses,
        @Nullable String service,
        @Nullable String team,
        @Nullable String factor,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        SearchSort sort,
        int page,
        int size,
        boolean typing) {

    public static final int MAX_TEXT = 500;
    public static final int MAX_SIZE = 100;
    public static final int MAX_DEPTH = 10_000;

    public SearchQuery {
        kinds = Set.copyOf(kinds);
        severities = Set.copyOf(severities);
        statuses = Set.copyOf(statuses);
    }

    /** Return a query for these words alone, first page of 20, by relevance. */
    public static SearchQuery of(String text) {
        return new SearchQuery(
                text, Set.of(), Set.of(), Set.of(), null, null, null, null, null, SearchSort.RELEVANCE, 1, 20, false);
    }

    /** How results are ordered. */
    public enum SearchSort {
        RELEVANCE,
        NEWEST;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
