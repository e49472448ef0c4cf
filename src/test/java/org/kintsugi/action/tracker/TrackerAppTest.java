package org.kintsugi.action.tracker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.kintsugi.support.KintsugiClockTest;

/** The whole application with a movable clock and the tracker jobs switched off: tests run them by hand. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@KintsugiClockTest
@interface TrackerAppTest {}
