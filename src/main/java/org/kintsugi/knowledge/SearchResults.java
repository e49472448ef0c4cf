package org.kintsugi.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A page of incidents found, with the count of every facet value among all of them.
 *
 * @param facets for each facet (kind, severity, status, service, team, factor, year), its values and counts, most
 *     frequent first
 * @param approximate whether the words as typed found little and these are the matches of words spelled alike
 */
public record SearchResults(
        long total,
        List<SearchHit> hits,
        Map<String, Map<String, Long>> facets,
        boolean approximate,
        int page,
        int size) {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    /** Return the number of pages, at least one. */
    public int pages() {
        long depth = Math.min(total, SearchQuery.MAX_DEPTH);
        return (int) Math.max(1, (depth + size - 1) / size);
    }
}
