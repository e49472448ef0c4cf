package org.kintsugi.analysis.factors;

import org.jspecify.annotations.Nullable;

/**
 * What a person writes for a contributing factor.
 *
 * @param statement the condition that contributed, e.g. "The connection pool was sized for last year's traffic"
 * @param categoryId the category it falls in
 * @param note anything to add: why it mattered, where it was seen
 */
public record FactorInput(
        @Nullable String statement,
        @Nullable Long categoryId,
        @Nullable String note) {}
