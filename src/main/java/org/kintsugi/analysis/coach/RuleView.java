package org.kintsugi.analysis.coach;

import org.jspecify.annotations.Nullable;

/**
 * A rule as administrators see it: its id, category, what it looks for, whether it is on, and where it comes from
 * ({@code built-in}, {@code file} or {@code custom}); custom and file rules also carry their pattern and wording.
 */
public record RuleView(
        String id,
        Category category,
        String description,
        boolean enabled,
        String source,
        @Nullable String pattern,
        @Nullable String explanation,
        @Nullable String suggestion) {}
