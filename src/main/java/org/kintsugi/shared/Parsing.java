package org.kintsugi.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Read values people type, noting a problem for the field instead of failing on the first one. */
public final class Parsing {

    private Parsing() {}

    /** Read an enum constant case-insensitively; blank is {@code null}, anything unknown names the choices. */
    public static <E extends Enum<E>> @Nullable E enumValue(
            String field, @Nullable String text, Class<E> type, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "'" + text.strip() + "' is not one of " + choices(type)));
            return null;
        }
    }

    /** Throw the problems gathered so far, if there are any. */
    public static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Read an ISO-8601 date-time with an offset, e.g. {@code 2026-11-21T14:05:00Z}; blank is {@code null}. */
    public static @Nullable Instant moment(String field, @Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(
                    field, "'" + text + "' is not an ISO-8601 date-time with offset, e.g. 2026-11-21T14:05:00Z"));
            return null;
        }
    }

    private static String choices(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> type.getSimpleName().equals("Severity")
                        ? c.name()
                        : c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
