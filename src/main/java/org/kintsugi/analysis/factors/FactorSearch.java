package org.kintsugi.analysis.factors;

import java.util.List;

/**
 * What a search across postmortems found.
 *
 * @param factors the factors that match, the most recent incidents first; one page of them when asked for a page
 * @param counts how many factors each category has among those the filter lets through apart from its category, so
 *     a chart shows the chosen category beside the others
 * @param total how many factors match, on every page
 */
public record FactorSearch(List<FactorView> factors, List<Count> counts, long total) {

    public FactorSearch {
        factors = List.copyOf(factors);
        counts = List.copyOf(counts);
    }

    /** Return a search that found exactly these factors. */
    public FactorSearch(List<FactorView> factors, List<Count> counts) {
        this(factors, counts, factors.size());
    }

    /** One category's count. */
    public record Count(CategoryView category, int count) {}

    /** Return the highest count, at least 1, for scaling a chart. */
    public int most() {
        return Math.max(1, counts.stream().mapToInt(Count::count).max().orElse(0));
    }
}
