package org.kintsugi.analysis.coach;

import org.jspecify.annotations.Nullable;

/**
 * A house rule to add: a phrase matched as whole words in any case, or a regular expression when {@code regex} is
 * true, with the category name, an explanation and a suggestion.
 */
public record NewRule(
        @Nullable String pattern,
        @Nullable Boolean regex,
        @Nullable String category,
        @Nullable String explanation,
        @Nullable String suggestion) {}
