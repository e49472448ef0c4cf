package org.kintsugi.knowledge.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kintsugi.knowledge.SearchQuery;
import org.kintsugi.knowledge.SearchQuery.SearchSort;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;

/** Read a search from request parameters, as the page and the API both take them; a bad one is named by its field. */
final class SearchParams {

    static final int DEFAULT_SIZE = 20;

    private SearchParams() {}

    static SearchQuery read(
            @Nullable String q,
            @Nullable List<String> kinds,
            @Nullable List<String> severities,
            @Nullable List<String> statuses,
            @Nullable String service,
            @Nullable String team,
            @Nullable String factor,
            @Nullable String from,
            @Nullable String to,
            @Nullable String sort,
            @Nullable String page,
            @Nullable String size,
            boolean typing) {
        List<FieldProblem> problems = new ArrayList<>();
        SearchQuery query = new SearchQuery(
                q == null ? "" : q,
                codes(kinds),
                codes(severities),
                codes(statuses),
                blankToNull(service),
                blankToNull(team),
                blankToNull(factor),
                day("from", from, problems),
                day("to", to, problems),
                sort(sort, problems),
                number("page", page, 1, problems),
                number("size", size, DEFAULT_SIZE, problems),
                typing);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return query;
    }

    private static Set<String> codes(@Nullable List<String> values) {
        Set<String> codes = new LinkedHashSet<>();
        if (values != null) {
            values.stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(v -> v.strip().toLowerCase(Locale.ROOT))
                    .forEach(codes::add);
        }
        return codes;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable LocalDate day(String field, @Nullable String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a day written as YYYY-MM-DD"));
            return null;
        }
    }

    private static SearchSort sort(@Nullable String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return SearchSort.RELEVANCE;
        }
        for (SearchSort sort : SearchSort.values()) {
            if (sort.code().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return sort;
            }
        }
        problems.add(new FieldProblem("sort", "must be relevance or newest"));
        return SearchSort.RELEVANCE;
    }

    private static int number(String field, @Nullable String value, int fallback, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "must be a whole number"));
            return fallback;
        }
    }
}
