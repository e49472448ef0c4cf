package org.kintsugi.knowledge.archive;

import java.util.Locale;
import java.util.stream.Collectors;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.RefusedException;

/** Say in words why a file was not imported, as its owner reads it in the report. */
final class Reasons {

    private Reasons() {}

    /** Return whether the exception says what was wrong with the document, rather than a fault of Kintsugi's. */
    static boolean known(RuntimeException e) {
        return e instanceof InvalidInputException
                || e instanceof LimitExceededException
                || e instanceof RefusedException;
    }

    /** Return the reason; for a fault of Kintsugi's own the details belong in the log, not in the report. */
    static String of(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream()
                    .map(FieldProblem::message)
                    .map(Reasons::sentence)
                    .collect(Collectors.joining(" "));
        }
        if (e instanceof LimitExceededException || e instanceof RefusedException) {
            return sentence(String.valueOf(e.getMessage()));
        }
        return "Kintsugi could not store it (" + e.getClass().getSimpleName()
                + "); the server's log says more. The other files were imported as usual.";
    }

    /** Turn "is empty" into "The document is empty." and "the section …" into "The section ….". */
    static String sentence(String message) {
        String text = message.strip();
        if (text.startsWith("is ") || text.startsWith("has ")) {
            text = "The document " + text;
        }
        if (text.isEmpty()) {
            return "It could not be read.";
        }
        text = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
