package org.kintsugi.postmortem.importing;

/**
 * Hold a line of a chat transcript that could not be read, with a sentence that names the line and says what to write
 * instead.
 */
public record LineProblem(int line, String text, String message) {

    private static final int QUOTED_LENGTH = 60;

    /** Describe the line with what is wrong with it, e.g. {@code has no time; expected ...}. */
    static LineProblem of(int line, String text, String issue) {
        return new LineProblem(line, text, "Line %d: \"%s\" %s.".formatted(line, quoted(text), issue));
    }

    private static String quoted(String text) {
        return text.length() <= QUOTED_LENGTH ? text : text.substring(0, QUOTED_LENGTH - 1) + "…";
    }
}
