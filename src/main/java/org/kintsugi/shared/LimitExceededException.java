package org.kintsugi.shared;

import java.util.Locale;

/**
 * Signal that a request asks for more than a limit allows; the API answers {@code 413} when the request itself is too
 * big, {@code 400} when what it would add does not fit, and {@code 429} when the person has too much running at once.
 */
public class LimitExceededException extends RuntimeException {

    /** What kind of bound was hit, which decides the HTTP status. */
    public enum Kind {
        /** The request is too big (413). */
        TOO_LARGE,
        /** What the request adds would not fit (400). */
        FULL,
        /** Too much is running at once for this person (429). */
        BUSY
    }

    private final Kind kind;
    private final String field;
    private final String setting;
    private final long max;

    /**
     * @param field the field of the request that carries what is too much
     * @param setting the limit's setting, e.g. {@code transcript-lines}
     * @param max the limit's value
     * @param message what was too much, in words the user can act on
     */
    public LimitExceededException(Kind kind, String field, String setting, long max, String message) {
        super(message + " (" + Limits.setting(setting) + " = " + String.format(Locale.ROOT, "%,d", max) + ")");
        this.kind = kind;
        this.field = field;
        this.setting = Limits.setting(setting);
        this.max = max;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    public String setting() {
        return setting;
    }

    public long max() {
        return max;
    }

    /** Return a count with thousands separated, as messages show it. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
