package org.kintsugi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with a movable clock, the tracker jobs switched off (tests run them by hand) and a base URL for
 * the links it sends out. Tests that add nothing to it share one application context, so a test that needs only the
 * clock does not start one of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@KintsugiAppTest
@Import(MovableClock.Config.class)
@TestPropertySource(
        properties = {
            "kintsugi.trackers.poll-cron=-",
            "kintsugi.trackers.retry-cron=-",
            "kintsugi.base-url=https://kintsugi.example"
        })
public @interface KintsugiClockTest {}
