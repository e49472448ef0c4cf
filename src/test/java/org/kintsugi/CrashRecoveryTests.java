package org.kintsugi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kintsugi.support.ChildKintsugi;

/**
 * Kintsugi as a user runs it, in a JVM of its own, killed with SIGKILL in the middle of a burst of writes from several
 * clients: every incident it answered {@code 201} for is there after a restart on the same data, under the same key,
 * and no key is handed out twice. Then SIGTERM stops it within a bounded time while requests are still arriving.
 * Runs on the embedded H2 database by default and on PostgreSQL with {@code -Dkintsugi.test.db=postgres}.
 */
class CrashRecoveryTests {

    static final int CLIENTS = 8;
    static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"(INC-\\d+)\"");

    @TempDir
    Path data;

    ChildKintsugi app;

    @BeforeEach
    void prepare() throws Exception {
        app = ChildKintsugi.onTestDatabase(data);
    }

    @AfterEach
    void stop() throws InterruptedException {
        app.kill();
    }

    @Test
    void keepsEveryAcknowledgedIncidentThroughAKillAndNeverReusesAKey() throws Exception {
        app.start();
        String token = app.token();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();

        long burst = System.nanoTime();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch enough = new CountDownLatch(60);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                for (int i = 0; !killed.get(); i++) {
                    String title = "Burst " + client + "-" + i + " " + UUID.randomUUID();
                    try {
                        HttpResponse<String> created = app.declare(token, title);
                        if (created.statusCode() == 201) {
                            acknowledged.put(key(created.body()), title);
                            enough.countDown();
                        }
                    } catch (IOException refused) {
                        // the process is gone: what was not answered was never promised
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        assertThat(enough.await(120, TimeUnit.SECONDS))
                .as("60 incidents created before the kill")
                .isTrue();
        double seconds = (System.nanoTime() - burst) / 1e9;
        app.kill();
        killed.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        app.start();
        for (var promised : acknowledged.entrySet()) {
            HttpResponse<String> found = app.get(token, "/api/v1/incidents/" + promised.getKey());
            assertThat(found.statusCode())
                    .as("%s acknowledged before the kill", promised.getKey())
                    .isEqualTo(200);
            assertThat(found.body()).as(promised.getKey()).contains(promised.getValue());
        }
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> after = app.declare(token, "After the restart " + i);
            assertThat(after.statusCode()).isEqualTo(201);
            assertThat(acknowledged).doesNotContainKey(key(after.body()));
        }
        System.out.printf(
                "Crash recovery: %d incidents acknowledged in %.1f s before SIGKILL, all found after restart%n",
                acknowledged.size(), seconds);
    }

    @Test
    void stopsWithinABoundedTimeOnSigtermWhileRequestsArriveAndABigExportRenders() throws Exception {
        app.start();
        String token = app.token();
        // The biggest postmortem the limits allow on the timeline: 5,000 events, pasted in one go.
        String incident = key(app.declare(token, "Queue backed up").body());
        HttpResponse<String> started = app.post(token, "/api/v1/incidents/" + incident + "/postmortem", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(started.body());
        assertThat(id.find()).isTrue();
        StringBuilder transcript = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            transcript.append(String.format(
                    "%02d:%02d alice: the queue holds %d messages\\n", 8 + i / 3600 % 10, i / 60 % 60, i));
        }
        HttpResponse<String> pasted = app.post(
                token,
                "/api/v1/postmortems/" + id.group(1) + "/timeline/import",
                "{\"text\": \"" + transcript + "\", \"date\": \"2026-11-19\", \"zone\": \"UTC\"}");
        assertThat(pasted.statusCode()).as(pasted.body()).isIn(200, 201);

        AtomicBoolean stopping = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        clients.submit(() -> app.get(token, "/api/v1/postmortems/" + id.group(1) + "/export?format=pdf"));
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (!stopping.get()) {
                    try {
                        app.declare(token, "Before SIGTERM");
                    } catch (IOException | InterruptedException gone) {
                        return;
                    }
                }
            });
        }
        Thread.sleep(1_500);
        long t0 = System.nanoTime();
        boolean exited = app.terminate(Duration.ofSeconds(25));
        double seconds = (System.nanoTime() - t0) / 1e9;
        stopping.set(true);
        clients.shutdownNow();
        assertThat(exited).as("exited within 25 s of SIGTERM").isTrue();
        System.out.printf("SIGTERM to exit under load with a PDF export rendering: %.1f s%n", seconds);
    }

    private static String key(String body) {
        Matcher key = KEY.matcher(body);
        if (!key.find()) {
            throw new IllegalStateException("no incident key in " + body);
        }
        return key.group(1);
    }
}
