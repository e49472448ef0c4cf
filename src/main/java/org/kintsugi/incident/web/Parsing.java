package org.kintsugi.incident.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;

/** Read values people type, noting a problem for the field instead of failing on the first one. */
final class Parsing {

    private Parsing() {}

    /** Read an enum constant case-insensitively; blank is {@code null}, anything unknown names the choices. */
    static <E extends Enum<E>> @Nullable E enumValue(
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
    static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
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
