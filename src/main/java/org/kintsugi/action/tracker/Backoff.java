package org.kintsugi.action.tracker;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** How long to wait before trying a tracker again: 1 minute, 2, 4 … at most an hour, or what the tracker asked. */
final class Backoff {

    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofHours(1);
    private static final Duration LONGEST_ASKED = Duration.ofHours(6);

    private Backoff() {}

    /** Return the wait after the given number of failed attempts (1 for the first). */
    static Duration after(int failures, @Nullable Duration asked) {
        if (asked != null) {
            if (asked.compareTo(Duration.ofSeconds(1)) < 0) {
                return Duration.ofSeconds(1);
            }
            return asked.compareTo(LONGEST_ASKED) > 0 ? LONGEST_ASKED : asked;
        }
        Duration wait = FIRST.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 10));
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
