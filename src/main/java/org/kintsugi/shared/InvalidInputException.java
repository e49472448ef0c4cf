package org.kintsugi.shared;

import java.util.List;
import java.util.stream.Collectors;

/** Signal that a command was refused because of its input; carries one problem per field. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    /** Return the messages by field, several for one field joined with "; ", for showing beside each input. */
    public java.util.Map<String, String> byField() {
        java.util.Map<String, String> messages = new java.util.LinkedHashMap<>();
        problems.forEach(p -> messages.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
        return messages;
    }

    /** Return the problems, one per field and message. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
