package org.kintsugi.debrief;

import java.util.Locale;
import java.util.Optional;

/** An invitee's answer to an invitation; {@code NONE} until they give one. */
public enum Answer {
    YES("Yes, I will come"),
    NO("No, I cannot come"),
    MAYBE("Maybe"),
    NONE("No answer yet");

    private final String label;

    Answer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Return the lower-case name used in links and the API, e.g. {@code maybe}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Read an answer a person can give (yes, no or maybe), in any case; empty for anything else. */
    public static Optional<Answer> given(@org.jspecify.annotations.Nullable String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "yes" -> Optional.of(YES);
            case "no" -> Optional.of(NO);
            case "maybe" -> Optional.of(MAYBE);
            default -> Optional.empty();
        };
    }
}
