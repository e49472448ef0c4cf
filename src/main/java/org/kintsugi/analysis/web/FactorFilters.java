package org.kintsugi.analysis.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.factors.FactorFilter;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.Severity;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Parsing;

/** The contributing-factor filter as the factors page and the API take it from the address. */
final class FactorFilters {

    private FactorFilters() {}

    /** Read the filter from the address; what cannot be read is left out and reported. */
    static FactorFilter read(
            FactorCategories categories,
            @Nullable String category,
            @Nullable String team,
            @Nullable String kind,
            @Nullable String severity,
            @Nullable String from,
            @Nullable String to,
            List<FieldProblem> problems) {
        Long categoryId = null;
        if (category != null && !category.isBlank()) {
            categoryId = categories.named(category).map(c -> c.id()).orElseGet(() -> {
                problems.add(new FieldProblem("category", "'" + category + "' is not a factor category"));
                return null;
            });
        }
        return new FactorFilter(
                categoryId,
                team == null || team.isBlank() ? null : team.strip(),
                Parsing.enumValue("kind", kind, IncidentKind.class, problems),
                Parsing.enumValue("severity", severity, Severity.class, problems),
                date("from", from, problems),
                date("to", to, problems));
    }

    private static @Nullable LocalDate date(String field, @Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "'" + text + "' is not a date like 2026-11-21"));
            return null;
        }
    }

    /** Refuse a filter that could not be read, for the API. */
    static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
