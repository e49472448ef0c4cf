package org.kintsugi.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.kintsugi.KintsugiApplication;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionType;
import org.kintsugi.action.Priority;
import org.kintsugi.analysis.factors.ContributingFactors;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.factors.FactorInput;
import org.kintsugi.identity.TokenManagement;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Load benchmark, not part of {@code verify}: {@code ./mvnw test -Dtest=LoadBenchmark}.
 *
 * <p>Seeds 10,000 incidents into a fresh H2 file database under {@code target/bench-data-10000}, starts Kintsugi in a
 * separate JVM as a user would and measures the time from process start to ready, then drives 32 concurrent
 * connections at the incident detail page and at every list people open most (incidents, postmortems, action items,
 * contributing factors; pages and API), printing requests per second and p50/p95/p99 latency. Every fifth incident
 * has a postmortem with two action items and a contributing factor; {@code -Dbench.incidents=100000} seeds more. The figures also go to {@code target/benchmark.md}.
 */
class LoadBenchmark {

    static final int INCIDENTS = Integer.getInteger("bench.incidents", 10_000);
    /** How many incidents are declared one by one; larger sizes repeat them in SQL, see {@link #multiply}. */
    static final int DECLARED = Math.min(INCIDENTS, Integer.getInteger("bench.declared", 10_000));

    static final int CONNECTIONS = Integer.getInteger("bench.connections", 32);
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 60));
    static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    static final int PORT = Integer.getInteger("bench.port", 18080);
    static final String EMAIL = "bench@kintsugi.test";
    static final String PASSWORD = "bench-password-1";
    static final Path DATA = Path.of("target", "bench-data-" + INCIDENTS).toAbsolutePath();

    /** Figures of one scenario: every latency sample (Java client) or wrk's percentiles, in microseconds. */
    record Result(
            String name,
            long requests,
            long errors,
            double seconds,
            long[] micros,
            long[] wrkPercentiles,
            double cpuMillisPerRequest,
            double loadAverage) {

        Result(String name, long requests, long errors, double seconds, long[] micros, long[] wrkPercentiles) {
            this(name, requests, errors, seconds, micros, wrkPercentiles, Double.NaN, Double.NaN);
        }

        /**
         * Return this result with the server's processor time per request and the machine's load average: on a shared
         * machine requests per second follow the load, the processor time a request costs much less so.
         */
        Result withCost(Duration serverCpu, double load) {
            return new Result(
                    name,
                    requests,
                    errors,
                    seconds,
                    micros,
                    wrkPercentiles,
                    serverCpu.toNanos() / 1e6 / requests,
                    load);
        }

        double rps() {
            return requests / seconds;
        }

        double percentile(double p) {
            if (wrkPercentiles != null) {
                return wrkPercentiles[p == 50 ? 0 : p == 95 ? 1 : 2] / 1000.0;
            }
            if (micros.length == 0) {
                return Double.NaN;
            }
            return micros[Math.min(micros.length - 1, (int) Math.ceil(p / 100 * micros.length) - 1)] / 1000.0;
        }

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %-34s | %8d | %8.0f | %7.2f | %7.2f | %7.2f | %6d | %6.2f | %5.1f |",
                    name,
                    requests,
                    rps(),
                    percentile(50),
                    percentile(95),
                    percentile(99),
                    errors,
                    cpuMillisPerRequest,
                    loadAverage);
        }
    }

    @Test
    void measure() throws Exception {
        // -Dbench.reuse=true measures again on the data of the previous run with the same size, which saves seeding.
        Path tokenFile = DATA.resolve("bench-token.txt");
        String token;
        if (Boolean.getBoolean("bench.reuse") && Files.exists(tokenFile)) {
            token = Files.readString(tokenFile);
        } else {
            FileSystemUtils.deleteRecursively(DATA);
            token = seed();
            Files.writeString(tokenFile, token);
        }
        Process app = null;
        try {
            long start = System.nanoTime();
            app = startApplication();
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(4))
                    .build();
            waitUntilReady(client, app);
            double readySeconds = (System.nanoTime() - start) / 1e9;
            waitUntilQuiet(app);
            String session = signIn(client);
            String cookie = "Cookie: " + session;
            String bearer = "Authorization: Bearer " + token;
            List<Scenario> scenarios = List.of(
                    new Scenario("page: incident detail", "/incidents/{key}", cookie),
                    new Scenario("page: incident list (first page)", "/incidents", cookie),
                    new Scenario(
                            "page: list filtered SEV1+open+text",
                            "/incidents?severity=SEV1&status=open&q=database",
                            cookie),
                    new Scenario("api: GET incident", "/api/v1/incidents/{key}", bearer),
                    new Scenario("api: GET incident list", "/api/v1/incidents?size=25", bearer),
                    new Scenario("page: postmortem list", "/postmortems", cookie),
                    new Scenario("api: GET postmortem list", "/api/v1/postmortems?size=25", bearer),
                    new Scenario("page: action list (anyone)", "/actions?owner=anyone", cookie),
                    new Scenario("api: GET action list", "/api/v1/actions", bearer),
                    new Scenario("page: factor list", "/factors", cookie));
            Path wrk = Path.of(System.getProperty("bench.wrk", "/usr/bin/wrk"));
            boolean useWrk = Files.isExecutable(wrk) && !"java".equals(System.getProperty("bench.client"));
            generator = useWrk
                    ? "wrk (" + wrk + "), 2 threads"
                    : "Java HttpClient, " + CONNECTIONS + " threads (install Debian's wrk for a lighter client)";
            System.out.println("Load generator: " + generator);

            // Each scenario is warmed up right before it is measured, so the JIT has compiled that path and the
            // figures show the steady state rather than the last seconds of compilation.
            List<Result> results = new ArrayList<>();
            // -Dbench.only=list,factor measures only the scenarios whose name contains one of the words.
            List<String> only = List.of(System.getProperty("bench.only", "").split(",")).stream()
                    .filter(w -> !w.isBlank())
                    .toList();
            for (Scenario s : scenarios) {
                if (!only.isEmpty() && only.stream().noneMatch(s.name()::contains)) {
                    continue;
                }
                System.out.printf("Warming up %s for %ds…%n", s.name(), WARM_UP.toSeconds());
                if (useWrk) {
                    runWrk(wrk, s, WARM_UP);
                } else {
                    run(client, s, WARM_UP);
                }
                Duration cpuBefore = cpu(app);
                Result result = useWrk ? runWrk(wrk, s, RUN) : run(client, s, RUN);
                results.add(result.withCost(cpu(app).minus(cpuBefore), loadAverage()));
                System.out.println(results.getLast().row());
            }
            report(readySeconds, results);
        } finally {
            if (app != null) {
                app.destroy();
                app.waitFor();
            }
        }
    }

    static String generator = "";

    /** Return the processor time the server process has used so far. */
    /**
     * Wait until the server has finished its work after start (index refreshes published again, missing embeddings
     * made, the language model loaded): three seconds in a row of less than a tenth of a core, or five minutes.
     */
    static void waitUntilQuiet(Process app) throws InterruptedException {
        long t0 = System.nanoTime();
        int quiet = 0;
        Duration before = cpu(app);
        while (quiet < 3 && System.nanoTime() - t0 < Duration.ofMinutes(5).toNanos()) {
            Thread.sleep(1000);
            Duration now = cpu(app);
            quiet = now.minus(before).toMillis() < 100 ? quiet + 1 : 0;
            before = now;
        }
        System.out.printf("Server quiet after start: waited %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    static Duration cpu(Process app) {
        return app.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Return the machine's load average over the last minute, or NaN where the system does not say. */
    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** A request to repeat: {@code {key}} in the path becomes a random incident's key each time. */
    record Scenario(String name, String path, String header) {

        HttpRequest request() {
            String key = "INC-" + (1 + ThreadLocalRandom.current().nextInt(INCIDENTS));
            String[] h = header.split(": ", 2);
            return HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path.replace("{key}", key)))
                    .header(h[0], h[1])
                    .GET()
                    .build();
        }
    }

    /** Drive the scenario with wrk; a Lua script picks random keys and reports p50/p95/p99 in microseconds. */
    static Result runWrk(Path wrk, Scenario scenario, Duration duration) throws Exception {
        Path script = Path.of("target", "bench.lua").toAbsolutePath();
        Files.writeString(script, """
                local counter = 0
                function setup(thread) thread:set("id", counter); counter = counter + 1 end
                function init(args) math.randomseed(os.time() * 100 + id) end
                function request()
                  local path = string.gsub(PATH, "{key}", "INC-" .. math.random(1, %d))
                  return wrk.format(nil, path)
                end
                function done(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
                    latency:percentile(50), latency:percentile(95), latency:percentile(99),
                    e.connect + e.read + e.write + e.status + e.timeout))
                end
                """.formatted(INCIDENTS).replace("PATH", "\"" + scenario.path() + "\""));
        Process process = new ProcessBuilder(
                        wrk.toString(),
                        "-t2",
                        "-c" + CONNECTIONS,
                        "-d" + duration.toSeconds() + "s",
                        "--timeout",
                        "10s",
                        "-H",
                        scenario.header(),
                        "-s",
                        script.toString(),
                        "http://localhost:" + PORT)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        Matcher m = Pattern.compile("RESULT (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)")
                .matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk said: " + output);
        }
        long requests = Long.parseLong(m.group(1));
        double seconds = Long.parseLong(m.group(2)) / 1e6;
        long[] percentiles = {Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5))};
        return new Result(scenario.name(), requests, Long.parseLong(m.group(6)), seconds, null, percentiles);
    }

    static Result run(HttpClient client, Scenario scenario, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        long begin = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS)) {
            List<java.util.concurrent.Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                futures.add(pool.submit(() -> {
                    long[] samples = new long[1 << 16];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            var response = client.send(scenario.request(), HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                        if (n == samples.length) {
                            samples = Arrays.copyOf(samples, n * 2);
                        }
                        samples[n++] = (System.nanoTime() - t0) / 1000;
                    }
                    return Arrays.copyOf(samples, n);
                }));
            }
            for (var f : futures) {
                try {
                    long[] s = f.get();
                    perThread.add(s);
                    counts.add(s.length);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(scenario.name(), all.length, errors.get(), seconds, all, null);
    }

    /** Create the person and the incidents in the benchmark's own data dir, then stop; return an API token. */
    static String seed() throws SQLException {
        System.setProperty("kintsugi.test.db", "off");
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplication(KintsugiApplication.class)
                .run(
                        "--kintsugi.data-dir=" + DATA,
                        "--kintsugi.port=0",
                        "--kintsugi.admin.email=" + EMAIL,
                        "--kintsugi.admin.password=" + PASSWORD,
                        "--logging.level.root=WARN")) {
            var users = context.getBean(UserManagement.class);
            var tokens = context.getBean(TokenManagement.class);
            var incidents = context.getBean(IncidentManagement.class);
            var postmortems = context.getBean(PostmortemManagement.class);
            var actions = context.getBean(ActionManagement.class);
            var factors = context.getBean(ContributingFactors.class);
            long category = context.getBean(FactorCategories.class).all().stream()
                    .filter(c -> !c.retired())
                    .findFirst()
                    .orElseThrow()
                    .id();
            long adminId = users.all().getFirst().id();
            Random random = new Random(7);
            String[] services = {
                "checkout",
                "payments",
                "search",
                "dns",
                "auth",
                "database",
                "queue",
                "cdn",
                "api",
                "billing",
                "mail",
                "kubernetes",
                "storage",
                "vpn",
                "ci"
            };
            String[] teams = {"Platform", "Payments", "Support", "Data", "Security", "People Ops", "Mobile"};
            String[] what = {
                "timeouts",
                "errors",
                "latency",
                "outage",
                "missed handover",
                "expired certificate",
                "failed deploy",
                "database failover",
                "permissions mistake",
                "full disk"
            };
            Instant now = Instant.now();
            Author admin = new Author(adminId, "Bench Admin");
            for (int i = 0; i < DECLARED; i++) {
                Instant started = now.minus(Duration.ofMinutes(400 + random.nextInt(2 * 365 * 24 * 60)));
                Instant detected = started.plus(Duration.ofMinutes(random.nextInt(30)));
                Instant acknowledged = detected.plus(Duration.ofMinutes(random.nextInt(15)));
                Instant mitigated =
                        random.nextInt(10) < 8 ? acknowledged.plus(Duration.ofMinutes(random.nextInt(90))) : null;
                Instant resolved = mitigated != null && random.nextInt(10) < 8
                        ? mitigated.plus(Duration.ofMinutes(random.nextInt(240)))
                        : null;
                String service = services[random.nextInt(services.length)];
                IncidentView incident = incidents.declare(
                        new IncidentDetails(
                                service + " " + what[random.nextInt(what.length)] + " #" + i,
                                "Seeded incident " + i + " touching " + service + ".",
                                IncidentKind.values()[random.nextInt(IncidentKind.values().length)],
                                Severity.values()[random.nextInt(Severity.values().length)],
                                "People using " + service + " saw " + what[random.nextInt(what.length)] + ".",
                                random.nextInt(5000),
                                List.of(service, services[random.nextInt(services.length)]),
                                List.of(teams[random.nextInt(teams.length)]),
                                started,
                                detected,
                                acknowledged,
                                mitigated,
                                resolved),
                        "Bench Seeder");
                // Every fifth incident gets a postmortem with two action items and a contributing factor.
                if (i % 5 == 0) {
                    long postmortem =
                            postmortems.start(incident.key(), null, admin).id();
                    for (int a = 0; a < 2; a++) {
                        actions.propose(
                                postmortem,
                                null,
                                new ActionDetails(
                                        "Follow up on " + service + " #" + i + "." + a,
                                        "Make " + service + " sturdier.",
                                        LocalDate.now().plusDays(1 + random.nextInt(120)),
                                        Priority.values()[random.nextInt(Priority.values().length)],
                                        ActionType.values()[random.nextInt(ActionType.values().length)],
                                        "We see it hold."),
                                adminId,
                                null,
                                admin);
                    }
                    factors.add(
                            postmortem,
                            new FactorInput("The " + service + " alert fired late #" + i, category, ""),
                            admin);
                }
            }
            for (int copy = 1; copy < INCIDENTS / DECLARED; copy++) {
                multiply(context.getBean(DataSource.class), copy);
            }
            System.out.printf("Seeded %d incidents in %.1fs%n", INCIDENTS, (System.nanoTime() - t0) / 1e9);
            return tokens.issue(adminId, "benchmark").secret();
        }
    }

    /**
     * Add one more copy of the declared incidents, their postmortems (with sections), action items and contributing
     * factors in plain SQL, ids shifted by {@code copy} times the declared count: declaring 100,000 incidents one by
     * one takes most of an hour on a small machine, and the lists only need the rows to be there.
     */
    static void multiply(DataSource dataSource, int copy) throws SQLException {
        long off = (long) copy * DECLARED;
        long postmortemOff = (long) copy * 10 * DECLARED;
        String key = "'INC-' || cast(incident_id + " + off + " as varchar(20))";
        try (Connection c = dataSource.getConnection()) {
            copy(c, "incidents", "id <= " + DECLARED, Map.of("id", "id + " + off));
            copy(c, "incident_services", "incident_id <= " + DECLARED, Map.of("incident_id", "incident_id + " + off));
            copy(c, "incident_teams", "incident_id <= " + DECLARED, Map.of("incident_id", "incident_id + " + off));
            copy(
                    c,
                    "postmortems",
                    "incident_id <= " + DECLARED,
                    Map.of("id", "id + " + postmortemOff, "incident_id", "incident_id + " + off, "incident_key", key));
            copy(
                    c,
                    "postmortem_sections",
                    "postmortem_id < " + 10L * DECLARED,
                    Map.of("postmortem_id", "postmortem_id + " + postmortemOff));
            copy(
                    c,
                    "action_items",
                    "postmortem_id < " + 10L * DECLARED,
                    Map.of("postmortem_id", "postmortem_id + " + postmortemOff));
            copy(
                    c,
                    "factor_incidents",
                    "incident_id <= " + DECLARED,
                    Map.of("incident_id", "incident_id + " + off, "incident_key", key));
            copy(
                    c,
                    "contributing_factors",
                    "incident_id <= " + DECLARED,
                    Map.of("postmortem_id", "postmortem_id + " + postmortemOff, "incident_id", "incident_id + " + off));
            try (var s = c.createStatement()) {
                s.execute("alter table incidents alter column id restart with " + (off + DECLARED + 1));
                s.execute("alter table postmortems alter column id restart with " + (postmortemOff + 10L * DECLARED));
            }
        }
    }

    /** Copy the rows of a table that match {@code where}, with some columns computed; a missing id is generated. */
    static void copy(Connection c, String table, String where, Map<String, String> computed) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var rs = c.getMetaData().getColumns(null, null, table.toUpperCase(Locale.ROOT), null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        if (columns.isEmpty()) {
            try (var rs = c.getMetaData().getColumns(null, null, table, null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        columns.removeIf(column -> column.equals("id") && !computed.containsKey("id"));
        String values = columns.stream()
                .map(column -> computed.getOrDefault(column, column))
                .collect(java.util.stream.Collectors.joining(", "));
        try (var s = c.createStatement()) {
            s.executeUpdate("insert into " + table + " (" + String.join(", ", columns) + ") select " + values + " from "
                    + table + " where " + where);
        }
    }

    static Process startApplication() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        // -Dbench.jvm="-XX:+UseSerialGC -XX:TieredStopAtLevel=1" measures the server under other JVM flags.
        String flags = System.getProperty("bench.jvm", "-XX:+UseParallelGC");
        command.addAll(List.of(flags.strip().split("\\s+")));
        command.addAll(List.of(
                "-Dkintsugi.test.db=off",
                "-cp",
                System.getProperty("java.class.path"),
                KintsugiApplication.class.getName(),
                "--kintsugi.data-dir=" + DATA,
                "--kintsugi.port=" + PORT,
                "--logging.level.root=WARN"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "bench-app.log").toFile())
                .start();
    }

    static void waitUntilReady(HttpClient client, Process app) throws Exception {
        var ready = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/actuator/health/readiness"))
                .build();
        while (true) {
            if (!app.isAlive()) {
                throw new IllegalStateException("Kintsugi stopped; see target/bench-app.log");
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
    }

    /** Sign in through the login form, as a browser does, and return the session cookie. */
    static String signIn(HttpClient client) throws Exception {
        String base = "http://localhost:" + PORT;
        var loginPage = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie =
                loginPage.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + EMAIL + "&password=" + PASSWORD + "&_csrf=" + csrf.group(1);
        var login = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return login.headers()
                .firstValue("Set-Cookie")
                .map(c -> c.split(";")[0])
                .orElse(cookie);
    }

    static void report(double readySeconds, List<Result> results) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Kintsugi load benchmark: %d incidents on H2, %d concurrent connections, %ds per scenario, each after "
                        + "%ds of warm-up on the same requests, %d cores, Java %s, load from %s%n%n",
                INCIDENTS,
                CONNECTIONS,
                RUN.toSeconds(),
                WARM_UP.toSeconds(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                generator));
        out.append(String.format(
                Locale.ROOT, "Start to ready (new JVM, process start to readiness UP): %.2f s%n%n", readySeconds));
        out.append("cpu ms: the server's processor time per request while measured; load: the machine's load average"
                + " (1 minute) at the end of the scenario.\n\n");
        out.append(
                "| scenario                           | requests |    req/s | p50 ms  | p95 ms  | p99 ms  | errors | cpu ms | load  |\n");
        out.append(
                "|------------------------------------|----------|----------|---------|---------|---------|--------|--------|-------|\n");
        results.forEach(r -> out.append(r.row()).append('\n'));
        System.out.println();
        System.out.println(out);
        Files.writeString(Path.of("target", "benchmark.md"), out);
    }
}
