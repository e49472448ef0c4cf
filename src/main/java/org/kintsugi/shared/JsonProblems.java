package org.kintsugi.shared;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Say which field of a JSON body could not be read and what would have been accepted, in words a client can act on:
 * {@code peopleAffected: 'many' is not a whole number}, {@code role: 'OWNER' is not one of: ADMIN, MEMBER, VIEWER}.
 */
public final class JsonProblems {

    private JsonProblems() {}

    /** Describe the first problem Jackson met, by the path of the field it was reading ({@code body} for the whole). */
    public static FieldProblem of(JacksonException e) {
        return new FieldProblem(field(e), message(e));
    }

    static String field(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : e.getPath()) {
            if (step.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static String message(JacksonException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            return String.valueOf(e.getOriginalMessage()); // the plain-text rule says what it refused
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return "'" + invalid.getValue() + "' " + expected(invalid.getTargetType());
        }
        if (e instanceof InputCoercionException coercion) {
            return "is out of range: " + range(coercion.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "cannot be read from " + token(mismatched.getCurrentToken()) + ": "
                    + expected(mismatched.getTargetType()).replaceFirst("^is not", "expected");
        }
        if (e instanceof StreamReadException && e.getLocation() != null) {
            return "is not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage();
        }
        return String.valueOf(e.getOriginalMessage());
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "is not one of: "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "is not a whole number (" + range(type) + ")";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "is not a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "is not true or false";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "is not text";
        }
        if (type.getName().startsWith("java.time.")) {
            return "is not a " + type.getSimpleName() + " in ISO-8601 form (e.g. 2026-11-20T10:00:00Z)";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "is not a list";
        }
        return "is not a " + type.getSimpleName();
    }

    private static String range(@Nullable Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        return "too large for this field";
    }

    private static String token(@Nullable JsonToken token) {
        if (token == null) {
            return "the value given";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> "the value given";
        };
    }
}
