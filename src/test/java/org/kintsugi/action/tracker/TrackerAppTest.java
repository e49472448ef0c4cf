package org.kintsugi.action.tracker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.MovableClock;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The whole application with a movable clock and the tracker jobs switched off: tests run them by hand. */
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
@interface TrackerAppTest {}
