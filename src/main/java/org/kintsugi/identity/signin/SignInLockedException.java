package org.kintsugi.identity.signin;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** Refuse a sign-in, whatever the password, while too many recent failures lock its email or its client address. */
public class SignInLockedException extends LockedException {

    private final Instant until;
    private final int limit;
    private final Duration window;

    SignInLockedException(Instant until, int limit, Duration window) {
        super("Too many failed sign-ins: at most " + limit + " within " + window.toMinutes()
                + " minutes for one account or from one address. Try again after " + until + ".");
        this.until = until;
        this.limit = limit;
        this.window = window;
    }

    /** Return when the lock runs out, unless an administrator lifts it sooner. */
    public Instant until() {
        return until;
    }

    /** Return how many failures the lock allowed. */
    public int limit() {
        return limit;
    }

    /** Return how far back failures count. */
    public Duration window() {
        return window;
    }
}
