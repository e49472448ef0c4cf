package org.kintsugi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * The whole application serving HTTP on a random port, as {@link KintsugiServerTest} has it, with a movable clock in
 * place of the application's: for browser journeys that move time past a soak period or a due date. Tests that add
 * nothing to it share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@KintsugiServerTest
@Import(MovableClock.Config.class)
public @interface KintsugiServerClockTest {}
