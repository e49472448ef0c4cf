package org.kintsugi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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

/**
 * Kintsugi as a user runs it, in a JVM of its own, killed with SIGKILL in the middle of a burst of writes from several
 * clients: every incident it answered {@code 201} for is there after a restart on the same data, under the same key,
 * and no key is handed out twice. Then SIGTERM stops it within a bounded time while requests are still arriving.
 * Runs on the embedded H2 database by default and on PostgreSQL with {@code -Dkintsugi.test.db=postgres}.
 */
class CrashRecoveryTests {

    static final String EMAIL = "crash@kintsugi.test";
    static final String PASSWORD = "crash-password-1";
    static final int CLIENTS = 8;
    static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"(INC-\\d+)\"");
    static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path data;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<String> database = new ArrayList<>();
    int port;
    Process app;

    @BeforeEach
    void chooseDatabase() throws Exception {
        if ("postgres".equalsIgnoreCase(System.getProperty("kintsugi.test.db", "h2"))) {
            String url = System.getenv()
                    .getOrDefault("KINTSUGI_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/kintsugi_test");
            String user = System.getenv().getOrDefault("KINTSUGI_TEST_PG_USER", "postgres");
            String password = System.getenv().getOrDefault("KINTSUGI_TEST_PG_PASSWORD", "");
            String schema =
                    "crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (var connection = DriverManager.getConnection(url, user, password);
                    var statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            database.add(
                    "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            database.add("--spring.datasource.username=" + user);
            database.add("--spring.datasource.password=" + password);
            database.add("--spring.flyway.schemas=" + schema);
        }
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void keepsEveryAcknowledgedIncidentThroughAKillAndNeverReusesAKey() throws Exception {
        start();
        String token = issueToken();
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
                        HttpResponse<String> created = createIncident(token, title);
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
        app.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        app.waitFor(30, TimeUnit.SECONDS);
        killed.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        start();
        for (var promised : acknowledged.entrySet()) {
            HttpResponse<String> found = get(token, "/api/v1/incidents/" + promised.getKey());
            assertThat(found.statusCode())
                    .as("%s acknowledged before the kill", promised.getKey())
                    .isEqualTo(200);
            assertThat(found.body()).as(promised.getKey()).contains(promised.getValue());
        }
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> after = createIncident(token, "After the restart " + i);
            assertThat(after.statusCode()).isEqualTo(201);
            assertThat(acknowledged).doesNotContainKey(key(after.body()));
        }
        System.out.printf(
                "Crash recovery: %d incidents acknowledged in %.1f s before SIGKILL, all found after restart%n",
                acknowledged.size(), seconds);
    }

    @Test
    void stopsWithinABoundedTimeOnSigtermWhileRequestsArrive() throws Exception {
        start();
        String token = issueToken();
        AtomicBoolean stopping = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (!stopping.get()) {
                    try {
                        createIncident(token, "Before SIGTERM");
                    } catch (IOException | InterruptedException gone) {
                        return;
                    }
                }
            });
        }
        Thread.sleep(1_500);
        long t0 = System.nanoTime();
        app.destroy(); // SIGTERM
        boolean exited = app.waitFor(25, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        stopping.set(true);
        clients.shutdownNow();
        assertThat(exited).as("exited within 25 s of SIGTERM").isTrue();
        System.out.printf("SIGTERM to exit under load: %.1f s%n", seconds);
    }

    private void start() throws Exception {
        port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dkintsugi.test.db=off",
                "-cp",
                System.getProperty("java.class.path"),
                KintsugiApplication.class.getName(),
                "--kintsugi.data-dir=" + data,
                "--kintsugi.port=" + port,
                "--kintsugi.admin.email=" + EMAIL,
                "--kintsugi.admin.password=" + PASSWORD,
                "--kintsugi.reminders.cron=-",
                "--logging.level.root=WARN"));
        command.addAll(database);
        Path log = data.resolve("app-" + System.nanoTime() + ".log");
        app = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("Kintsugi stopped while starting:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(url("/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Kintsugi not ready within 120 s:\n" + Files.readString(log));
    }

    private String issueToken() throws Exception {
        String basic = Base64.getEncoder().encodeToString((EMAIL + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = http.send(
                HttpRequest.newBuilder(url("/api/v1/tokens"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"crash\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        Matcher secret = SECRET.matcher(issued.body());
        assertThat(secret.find()).isTrue();
        return secret.group(1);
    }

    private HttpResponse<String> createIncident(String token, String title) throws IOException, InterruptedException {
        String body = """
                {"title": "%s", "kind": "system", "severity": "SEV2",
                 "impact": "Nobody could pay", "startedAt": "2026-11-20T10:00:00Z"}""".formatted(title);
        return http.send(
                HttpRequest.newBuilder(url("/api/v1/incidents"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(url(path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String key(String body) {
        Matcher key = KEY.matcher(body);
        if (!key.find()) {
            throw new IllegalStateException("no incident key in " + body);
        }
        return key.group(1);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
