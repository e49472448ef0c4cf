package org.kintsugi.shared;

/** Signal that a write was based on a version someone else has since replaced. */
public class StaleVersionException extends RuntimeException {

    private final long expected;
    private final long current;

    public StaleVersionException(String what, long expected, long current) {
        super(what + " was changed by someone else (you edited version " + expected + ", the current version is "
                + current + "). Reload it and apply your change again.");
        this.expected = expected;
        this.current = current;
    }

    public long expected() {
        return expected;
    }

    public long current() {
        return current;
    }
}
