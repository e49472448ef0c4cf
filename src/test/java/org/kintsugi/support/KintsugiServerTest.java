package org.kintsugi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application serving HTTP on a random port, for tests that drive it through a browser or a real HTTP client,
 * with the first administrator created from settings and the reminder job switched off. Tests that add nothing to it
 * share one application context, so each such class does not pay for a start of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "kintsugi.admin.email=" + TestPeople.ADMIN_EMAIL,
            "kintsugi.admin.password=" + TestPeople.PASSWORD,
            "kintsugi.admin.name=Ada Admin",
            "kintsugi.reminders.cron=-"
        })
@Import(TestPeople.class)
public @interface KintsugiServerTest {}
