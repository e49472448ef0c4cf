package org.kintsugi.support;

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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kintsugi.KintsugiApplication;

/**
 * Kintsugi in a JVM of its own, started as a user starts it on a data directory, so a test can kill it, stop it or
 * start it again on the same data. On PostgreSQL ({@code -Dkintsugi.test.db=postgres}) each instance set gets a fresh
 * schema, shared by every start of it.
 */
public final class ChildKintsugi {

    public static final String EMAIL = "child@kintsugi.test";
    public static final String PASSWORD = "child-password-1";
    static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");

    private final Path data;
    private final List<String> database = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int port;
    private boolean measuring;
    private boolean aheadOfTime;
    private Path log;

    private ChildKintsugi(Path data) {
        this.data = data;
    }

    /** Prepare an instance on the embedded database under {@code data}. */
    public static ChildKintsugi embedded(Path data) {
        return new ChildKintsugi(data);
    }

    /** Prepare an instance on the database the suite runs on: embedded H2, or a fresh PostgreSQL schema. */
    public static ChildKintsugi onTestDatabase(Path data) throws Exception {
        return postgres() ? onPostgres(data) : new ChildKintsugi(data);
    }

    /** Prepare an instance on a fresh schema in the PostgreSQL database named by {@code KINTSUGI_TEST_PG_URL}. */
    public static ChildKintsugi onPostgres(Path data) throws Exception {
        ChildKintsugi child = new ChildKintsugi(data);
        String url =
                System.getenv().getOrDefault("KINTSUGI_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/kintsugi_test");
        String user = System.getenv().getOrDefault("KINTSUGI_TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("KINTSUGI_TEST_PG_PASSWORD", "");
        String schema = "child" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        child.database.add(
                "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        child.database.add("--spring.datasource.username=" + user);
        child.database.add("--spring.datasource.password=" + password);
        child.database.add("--spring.flyway.schemas=" + schema);
        return child;
    }

    /** Prepare a second node on this one's database (a shared PostgreSQL schema), with a data directory of its own. */
    public ChildKintsugi anotherNode(Path data) {
        if (database.isEmpty()) {
            throw new IllegalStateException("Nodes share a database only on PostgreSQL; this instance is on H2");
        }
        ChildKintsugi node = new ChildKintsugi(data);
        node.database.addAll(database);
        return node;
    }

    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("kintsugi.test.db", "h2"));
    }

    /** Run it as a user would for a benchmark: both compilers and the default collector, 1 GB of heap. */
    public ChildKintsugi forMeasuring() {
        measuring = true;
        return this;
    }

    /**
     * Start it from the code Spring's build-time processing wrote ({@code -Dspring.aot.enabled=true}), as the README's
     * quickest start does; that code is on the class path after {@code ./mvnw -Paot-cache} has run.
     */
    public ChildKintsugi aheadOfTime() {
        aheadOfTime = true;
        return this;
    }

    /** Return what the process has printed so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    /** Return the process id, for {@code jcmd}. */
    public long pid() {
        return process.pid();
    }

    /** Start it and wait until it is ready; {@code arguments} are added to the command line. */
    public ChildKintsugi start(String... arguments) throws Exception {
        port = freePort();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(
                measuring
                        ? List.of("-Xmx1g")
                        // A child lives for a few requests: the quick compiler alone and the single-threaded collector
                        // halve the processor time it takes to start, which the C2 compiler would spend on code never
                        // hot.
                        : List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (aheadOfTime) {
            command.add("-Dspring.aot.enabled=true");
        }
        command.addAll(List.of(
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
        command.addAll(List.of(arguments));
        Files.createDirectories(data);
        log = Files.createTempFile("kintsugi-child-", ".log");
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kintsugi stopped while starting:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(url("/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Kintsugi not ready within 120 s:\n" + Files.readString(log));
    }

    /** Start it expecting it to refuse, and return what it printed. */
    public String startExpectingRefusal(String... arguments) throws Exception {
        try {
            start(arguments);
        } catch (IllegalStateException refused) {
            return refused.getMessage();
        }
        throw new AssertionError("Kintsugi started although it should have refused");
    }

    /** Kill it with SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Send SIGTERM and return whether it exited within the time given. */
    public boolean terminate(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive() && !terminate(Duration.ofSeconds(30))) {
            kill();
        }
    }

    /** Issue a personal API token for the administrator, signing in once with HTTP Basic. */
    public String token() throws Exception {
        String basic = Base64.getEncoder().encodeToString((EMAIL + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = http.send(
                HttpRequest.newBuilder(url("/api/v1/tokens"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"child\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        Matcher secret = SECRET.matcher(issued.body());
        assertThat(secret.find()).isTrue();
        return secret.group(1);
    }

    public HttpResponse<String> post(String token, String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(url(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(url(path))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> get(String token, String path, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(url(path))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                body);
    }

    /** Declare an incident through the API, as a client would. */
    public HttpResponse<String> declare(String token, String title) throws IOException, InterruptedException {
        return post(token, "/api/v1/incidents", """
                {"title": "%s", "kind": "system", "severity": "SEV2",
                 "impact": "Nobody could pay", "startedAt": "2026-11-20T10:00:00Z"}""".formatted(title));
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
