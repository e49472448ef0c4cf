package org.kintsugi.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kintsugi.support.KintsugiClockTest;
import org.kintsugi.support.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;

/** Failed sign-ins are kept for a while and up to a number, so guessing cannot fill the database. */
@KintsugiClockTest
class SignInPruningTests {

    @Autowired
    SignInThrottle throttle;

    @Autowired
    SignInFailures failures;

    @Autowired
    MovableClock clock;

    @Test
    void forgetsFailuresOlderThanTheyAreKept() {
        Instant now = clock.instant();
        clock.set(now.minus(Duration.ofDays(31)));
        throttle.failed("old@kintsugi.test", "10.7.0.1", false);
        clock.set(now);
        throttle.failed("recent@kintsugi.test", "10.7.0.1", false);

        throttle.prune();

        assertThat(throttle.recent(1000))
                .extracting(FailedSignIn::email)
                .contains("recent@kintsugi.test")
                .doesNotContain("old@kintsugi.test");
    }

    @Test
    void keepsNoMoreThanTheMostItMayKeep() {
        var keepThree = new SignInPolicy(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofDays(30), 3);
        var small = new SignInThrottle(failures, keepThree, clock);
        for (int i = 0; i < 5; i++) {
            small.failed("many-" + i + "@kintsugi.test", "10.7.0.2", false);
        }

        small.prune();

        assertThat(failures.count()).isEqualTo(3);
        assertThat(small.recent(10))
                .extracting(FailedSignIn::email)
                .containsExactly("many-4@kintsugi.test", "many-3@kintsugi.test", "many-2@kintsugi.test");
    }
}
