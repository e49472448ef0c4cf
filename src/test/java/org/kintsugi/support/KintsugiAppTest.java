package org.kintsugi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a database of its own, with the first administrator created from settings and a token for
 * scraping metrics. Tests that add nothing to it share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "kintsugi.admin.email=" + TestPeople.ADMIN_EMAIL,
            "kintsugi.admin.password=" + TestPeople.PASSWORD,
            "kintsugi.admin.name=Ada Admin",
            "kintsugi.metrics.token=" + KintsugiAppTest.METRICS_TOKEN
        })
@AutoConfigureMockMvc
@Import(TestPeople.class)
public @interface KintsugiAppTest {

    /**
     * The token a Prometheus server scrapes with; set for every such context, so the tests of the operations
     * endpoints share the application with the rest instead of starting one of their own.
     */
    String METRICS_TOKEN = "scrape-token-for-the-tests-0123456789";
}
