package org.kintsugi.action.tracker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the tracker tests move by hand, past a backoff, in place of the application's clock. */
final class TrackerClock extends Clock {

    private final AtomicReference<Instant> now;

    TrackerClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    void advance(Duration amount) {
        now.updateAndGet(at -> at.plus(amount));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    /** Put the movable clock, starting at the real time, in place of the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        @Primary
        TrackerClock trackerClock() {
            // Whole milliseconds, as every database keeps them.
            return new TrackerClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        }
    }
}
