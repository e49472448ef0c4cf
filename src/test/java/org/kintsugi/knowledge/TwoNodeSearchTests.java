package org.kintsugi.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kintsugi.support.ChildKintsugi;

/**
 * Two Kintsugi nodes on one PostgreSQL database and one OpenSearch index, as a cluster runs: what one node writes, the
 * other finds. Needs {@code KINTSUGI_TEST_PG_URL} and {@code KINTSUGI_TEST_SEARCH_URL}; skipped otherwise.
 */
class TwoNodeSearchTests {

    static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"(INC-\\d+)\"");
    static final Pattern HIT_KEY = Pattern.compile("\"incidentKey\"\\s*:\\s*\"(INC-\\d+)\"");

    @TempDir
    Path dataA;

    @TempDir
    Path dataB;

    String searchUrl;
    String prefix;
    ChildKintsugi a;
    ChildKintsugi b;

    @BeforeEach
    void needsACluster() {
        searchUrl = System.getenv("KINTSUGI_TEST_SEARCH_URL");
        Assumptions.assumeTrue(
                System.getenv("KINTSUGI_TEST_PG_URL") != null && searchUrl != null && !searchUrl.isBlank(),
                "Two nodes need a shared PostgreSQL and OpenSearch: set KINTSUGI_TEST_PG_URL (e.g."
                        + " jdbc:postgresql://127.0.0.1:5432/kintsugi_test) and KINTSUGI_TEST_SEARCH_URL (e.g."
                        + " http://127.0.0.1:9200, OpenSearch 3)");
        prefix = "kintsugi-test-nodes-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "-";
    }

    @AfterEach
    void stopAndDropTheIndex() throws Exception {
        if (a != null) {
            a.kill();
        }
        if (b != null) {
            b.kill();
        }
        if (prefix != null) {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            searchUrl.replaceAll("/$", "") + "/" + prefix + "knowledge-000001"))
                                    .DELETE()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void anIncidentWrittenOnOneNodeIsFoundBySearchOnTheOther() throws Exception {
        String[] search = {"--kintsugi.search.url=" + searchUrl, "--kintsugi.search.index-prefix=" + prefix};
        a = ChildKintsugi.onPostgres(dataA).start(search);
        b = a.anotherNode(dataB).start(search);
        String tokenA = a.token();
        String tokenB = b.token();

        String word = "zqnodes" + Long.toString(System.nanoTime(), 36);
        String onA = key(a.declare(tokenA, word + " written on node A").body());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> found(b, tokenB, word).contains(onA));

        String onB = key(b.declare(tokenB, word + " written on node B").body());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> found(a, tokenA, word).contains(onB));
        assertThat(found(b, tokenB, word)).contains(onA, onB);
    }

    private static Set<String> found(ChildKintsugi node, String token, String word) throws Exception {
        HttpResponse<String> result =
                node.get(token, "/api/v1/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        Set<String> keys = new HashSet<>();
        Matcher hit = HIT_KEY.matcher(result.body());
        while (hit.find()) {
            keys.add(hit.group(1));
        }
        return keys;
    }

    private static String key(String body) {
        Matcher key = KEY.matcher(body);
        if (!key.find()) {
            throw new IllegalStateException("no incident key in " + body);
        }
        return key.group(1);
    }
}
