package org.kintsugi.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Give every test application context a database of its own: an in-memory H2 database by default, or, with
 * {@code -Dkintsugi.test.db=postgres}, a fresh schema in the PostgreSQL database named by
 * {@code KINTSUGI_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/kintsugi_test}). With
 * {@code KINTSUGI_TEST_SEARCH_URL} set (an OpenSearch, e.g. {@code http://127.0.0.1:9200}), the search index lives
 * there instead of in Lucene files, in indexes of the context's own (created at start, dropped when it closes). With
 * {@code -Dkintsugi.test.db=off} the application's own settings apply.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("off".equalsIgnoreCase(environment.getProperty("kintsugi.test.db"))) {
            return; // the load benchmark runs Kintsugi as a user would, on its own data dir
        }
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Map<String, Object> properties = new HashMap<>();
        if (postgres(environment)) {
            String url =
                    environment.getProperty("KINTSUGI_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/kintsugi_test");
            properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
            properties.put("spring.datasource.username", environment.getProperty("KINTSUGI_TEST_PG_USER", "postgres"));
            properties.put("spring.datasource.password", environment.getProperty("KINTSUGI_TEST_PG_PASSWORD", ""));
            properties.put("spring.flyway.schemas", name);
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        }
        // Spring keeps up to 32 test contexts alive; with the application's pool of 20 each, PostgreSQL runs out of
        // connections (100 by default). A test context needs only a few, opened as it asks for them and closed again
        // 10 s after its tests are done, so the contexts kept for later hold none (but the room's LISTEN connection).
        properties.put("spring.datasource.hikari.maximum-pool-size", 6);
        properties.put("spring.datasource.hikari.minimum-idle", 0);
        properties.put("spring.datasource.hikari.idle-timeout", 10_000);
        properties.put("kintsugi.data-dir", System.getProperty("java.io.tmpdir") + "/kintsugi-test-" + name);
        String search = searchUrl(environment);
        if (search != null) {
            properties.put("kintsugi.search.url", search);
            properties.put("kintsugi.search.index-prefix", "kintsugi-test-" + name + "-");
            properties.put(
                    "spring.jpa.properties.hibernate.search.schema_management.strategy", "drop-and-create-and-drop");
            // Refresh after each write: what the indexer acknowledged is searchable at once, as with Lucene.
            properties.put("spring.jpa.properties.hibernate.search.indexing.plan.synchronization.strategy", "sync");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("kintsugiTestDatabase", properties));
    }

    /** Return the OpenSearch the search tests run against, or null to run them on Lucene files. */
    public static @Nullable String searchUrl(ConfigurableEnvironment environment) {
        String url = environment.getProperty("KINTSUGI_TEST_SEARCH_URL");
        return url == null || url.isBlank() ? null : url.strip();
    }

    public static boolean postgres(ConfigurableEnvironment environment) {
        return "postgres".equalsIgnoreCase(environment.getProperty("kintsugi.test.db", "h2"));
    }
}
