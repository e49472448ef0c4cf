package org.kintsugi.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kintsugi.support.ChatServer;
import org.kintsugi.support.ChildKintsugi;

/**
 * Kintsugi in a JVM of its own publishes postmortems while the chat channel's webhook is down and slow to say so, is
 * killed with SIGKILL right after the last publish was acknowledged (with a send still waiting for the webhook), and
 * is started again on the same data once the webhook is back: every acknowledged publish reaches the channel, once.
 * A delivery not yet tried goes out at start, a failed one at its next try (a minute later), one whose send the kill
 * cut off once its claim ran out (the outbox's lease, two minutes by default, {@link #LEASE} here), and an
 * announcement the kill stopped before it was recorded is made again at start from the event publication registry.
 * The webhook runs in this JVM; the node posts to it over localhost. Runs on H2 by default and on PostgreSQL with
 * {@code -Dkintsugi.test.db=postgres}.
 */
class SharingCrashRecoveryTests {

    static final int POSTMORTEMS = 5;
    static final String REVIEWER = "rita.reviewer@kintsugi.test";
    static final String REVIEWER_PASSWORD = "rita-password-1";
    /** Failed deliveries are looked at every two seconds instead of every minute, so the test waits for the backoff. */
    static final String RETRY_OFTEN = "--kintsugi.sharing.retry-cron=*/2 * * * * *";

    static final String NO_RETRY_JOB = "--kintsugi.sharing.retry-cron=-";
    /** A claimed delivery is taken again 20 seconds after its claim: longer than the slow webhook's answer here. */
    static final Duration LEASE = Duration.ofSeconds(20);

    static final String SHORT_LEASE = "--kintsugi.sharing.lease=" + LEASE;

    @TempDir
    Path data;

    ChildKintsugi app;
    ChatServer chat;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void prepare() throws Exception {
        app = ChildKintsugi.onTestDatabase(data);
        chat = new ChatServer();
    }

    @AfterEach
    void stop() throws InterruptedException {
        app.kill();
        chat.close();
    }

    @Test
    void everyAcknowledgedPublishReachesTheChannelOnceAfterAKillAndARestart() throws Exception {
        // Before the kill each delivery is tried once, as its announcement commits, and no retry job runs: on a slow
        // machine publishing takes over a minute, and a second failure would put the next try five minutes off.
        app.start(NO_RETRY_JOB, SHORT_LEASE);
        String admin = app.token();
        HttpResponse<String> added = app.post(admin, "/api/v1/users", """
                {"email": "%s", "displayName": "Rita Reviewer", "password": "%s", "role": "MEMBER"}""".formatted(REVIEWER, REVIEWER_PASSWORD));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String reviewer = token(REVIEWER, REVIEWER_PASSWORD);
        chat.answer(503);
        chat.delay(2_000);
        HttpResponse<String> channel =
                app.post(admin, "/api/v1/sharing/channels", """
                {"name": "Incidents", "format": "slack", "url": "%s", "scope": "all"}""".formatted(chat.url("incidents")));
        assertThat(channel.statusCode()).as(channel.body()).isEqualTo(201);

        List<String> acknowledged = new ArrayList<>();
        for (int n = 0; n < POSTMORTEMS; n++) {
            String title = "Queue backed up, night " + n;
            HttpResponse<String> published = publish(admin, reviewer, title);
            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
            acknowledged.add(title);
        }
        app.kill();
        long killed = System.nanoTime();
        int triedBeforeTheKill = chat.requests();

        chat.answer(200);
        chat.delay(0);
        app.start(RETRY_OFTEN, SHORT_LEASE);
        // As the kill left them, for the record: failed ones wait for their next try, a claimed one for its lease.
        String atRestart = app.get(admin, "/api/v1/sharing/deliveries").body();
        // The longest a delivery can wait: a failed one until its next try (a minute after its failure), a send the
        // kill cut off until its lease has run out.
        await().atMost(LEASE.plusMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .alias("every acknowledged announcement at the channel; at restart the deliveries were " + atRestart)
                .until(() -> acknowledged.stream().allMatch(title -> arrived(title) >= 1));
        double seconds = (System.nanoTime() - killed) / 1e9;
        // Nothing more comes for a while (a few rounds of the retry job): each went out once.
        await().during(Duration.ofSeconds(6))
                .atMost(Duration.ofSeconds(10))
                .until(() -> chat.bodies().size() == POSTMORTEMS);
        for (String title : acknowledged) {
            assertThat(arrived(title)).as(title).isEqualTo(1);
        }
        HttpResponse<String> failed = app.get(admin, "/api/v1/sharing/deliveries?state=failed");
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.body()).isEqualTo("[]");
        System.out.printf(
                "Sharing across a kill: %d posts refused before it; at restart, deliveries in states %s with attempts"
                        + " %s; all %d announcements delivered once %.1f s after the kill%n",
                triedBeforeTheKill,
                JsonPath.read(atRestart, "$[*].state"),
                JsonPath.read(atRestart, "$[*].attempts"),
                POSTMORTEMS,
                seconds);
    }

    long arrived(String title) {
        return chat.bodies().stream()
                .filter(body -> JsonPath.<String>read(body, "$.text").contains(title))
                .count();
    }

    /** Declare an incident, write its postmortem, have it approved and publish it; return the publish's answer. */
    HttpResponse<String> publish(String author, String reviewer, String title) throws Exception {
        String key = JsonPath.read(app.declare(author, title).body(), "$.key");
        HttpResponse<String> started = app.post(author, "/api/v1/incidents/" + key + "/postmortem", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        long id = JsonPath.<Number>read(started.body(), "$.id").longValue();
        List<Map<String, Object>> sections = JsonPath.read(started.body(), "$.sections[?(@.required == true)]");
        for (Map<String, Object> section : sections) {
            HttpResponse<String> written = send(
                    author,
                    "PUT",
                    "/api/v1/postmortems/" + id + "/sections/" + section.get("key"),
                    "{\"body\": \"The queue filled while its consumers waited on a lock.\"}",
                    "\"" + section.get("version") + "\"");
            assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        }
        HttpResponse<String> submitted = app.post(author, "/api/v1/postmortems/" + id + "/submit", "");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        HttpResponse<String> approved = app.post(reviewer, "/api/v1/postmortems/" + id + "/approve", "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return app.post(author, "/api/v1/postmortems/" + id + "/publish", "");
    }

    HttpResponse<String> send(String token, String method, String path, String json, String ifMatch) throws Exception {
        return http.send(
                HttpRequest.newBuilder(app.url(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("If-Match", ifMatch)
                        .timeout(Duration.ofSeconds(30))
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Issue an API token for a person, signing in once with HTTP Basic. */
    String token(String email, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = http.send(
                HttpRequest.newBuilder(app.url("/api/v1/tokens"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"review\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return JsonPath.read(issued.body(), "$.secret");
    }
}
