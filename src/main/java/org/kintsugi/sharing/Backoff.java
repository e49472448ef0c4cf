package org.kintsugi.sharing;

import java.time.Duration;
import java.util.List;

/** How long a failed delivery waits before its next try: 1 minute, 5, 30, then every 2 hours, never giving up. */
final class Backoff {

    static final List<Duration> WAITS =
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2));

    private Backoff() {}

    /** Return the wait after the given number of attempts (1 after the first). */
    static Duration after(int attempts) {
        return WAITS.get(Math.min(Math.max(attempts, 1), WAITS.size()) - 1);
    }
}
