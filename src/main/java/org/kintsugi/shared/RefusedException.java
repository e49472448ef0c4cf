package org.kintsugi.shared;

/**
 * Signal that a command was refused by a rule of the domain rather than by its input: the document is in the wrong
 * state for it, or this person may not do it (an author approving their own postmortem).
 */
public class RefusedException extends RuntimeException {

    /** Why the command was refused, which decides the HTTP status the API answers with. */
    public enum Reason {
        /** The thing is not in a state where this can happen (409). */
        STATE,
        /** This person may not do this to this thing (403). */
        PERSON
    }

    private final Reason reason;

    public RefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public static RefusedException state(String message) {
        return new RefusedException(Reason.STATE, message);
    }

    public static RefusedException person(String message) {
        return new RefusedException(Reason.PERSON, message);
    }

    public Reason reason() {
        return reason;
    }
}
