package org.kintsugi.action.tracker;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Signal that a tracker could not be called or answered with an error, in words to show on the item.
 *
 * @see #retryable()
 */
class TrackerCallException extends RuntimeException {

    private final boolean retryable;
    private final @Nullable Duration retryAfter;

    TrackerCallException(String message, boolean retryable, @Nullable Duration retryAfter) {
        super(message);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** Return whether trying again later may work: the tracker was down, slow, overloaded or rate-limiting. */
    boolean retryable() {
        return retryable;
    }

    /** Return how long the tracker asked to wait, if it did. */
    @Nullable
    Duration retryAfter() {
        return retryAfter;
    }
}
