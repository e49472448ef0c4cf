package org.kintsugi.action.report;

import java.time.Instant;
import org.kintsugi.support.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** A clock the report tests move by hand, and the month of action items they read. */
@TestConfiguration(proxyBeanMethods = false)
@Import(FollowUpSeed.class)
class ReportTestConfiguration {

    @Bean
    @Primary
    MovableClock testClock() {
        return new MovableClock(Instant.parse("2026-09-01T06:00:00Z"));
    }
}
