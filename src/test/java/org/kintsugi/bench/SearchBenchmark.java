package org.kintsugi.bench;

import java.io.BufferedReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kintsugi.KintsugiApplication;
import org.kintsugi.identity.TokenManagement;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.knowledge.KnowledgeSearch;
import org.kintsugi.knowledge.SearchQuery;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Search speed benchmark, not part of {@code verify}: {@code ./mvnw test -Dtest=SearchBenchmark}.
 *
 * <p>Loads {@code bench.docs} (10,000) synthetic postmortems of realistic size from {@code bench.corpus} (made by
 * {@code /work/shared/bench/gen_corpus.py}: title ~8 words, summary ~60, body ~800 split into its sections) straight
 * into the search document table of a fresh Kintsugi on H2 and Lucene files, rebuilds the index (timed), then runs the
 * 60 queries of {@code bench.queries} three times after a warm-up pass, one at a time, and prints p50/p95 of
 * {@code GET /api/v1/search} over HTTP with an API token, and of the same search called in-process.
 */
class SearchBenchmark {

    static final Path CORPUS = Path.of(System.getProperty("bench.corpus", "/tmp/pm.jsonl"));
    static final Path QUERIES = Path.of(System.getProperty("bench.queries", "/work/shared/bench/queries.tsv"));
    static final int DOCS = Integer.getInteger("bench.docs", 10_000);
    static final int PASSES = Integer.getInteger("bench.passes", 3);
    static final String EMAIL = "bench@kintsugi.test";
    static final Path DATA = Path.of("target", "bench-search-" + DOCS).toAbsolutePath();
    static final String[] KINDS = {"system", "process", "security", "vendor"};
    static final String[] SERVICES = {"checkout", "payments-gateway", "edge-proxy", "search", "auth", "billing"};
    static final String[] TEAMS = {"Payments", "Platform", "Identity", "Storefront"};

    /** Run it outside Maven too: {@code java -cp <test classpath> org.kintsugi.bench.SearchBenchmark}. */
    public static void main(String[] args) throws Exception {
        new SearchBenchmark().measure();
    }

    @Test
    void measure() throws Exception {
        System.setProperty("kintsugi.test.db", "off");
        FileSystemUtils.deleteRecursively(DATA);
        try (ConfigurableApplicationContext context = new SpringApplication(KintsugiApplication.class)
                .run(
                        "--kintsugi.data-dir=" + DATA,
                        "--kintsugi.port=0",
                        "--kintsugi.admin.email=" + EMAIL,
                        "--kintsugi.admin.password=bench-password-1",
                        "--logging.level.root=WARN")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            long adminId =
                    context.getBean(UserManagement.class).all().getFirst().id();
            String token = context.getBean(TokenManagement.class)
                    .issue(adminId, "benchmark")
                    .secret();
            long t0 = System.nanoTime();
            int loaded = load(context.getBean(JdbcTemplate.class));
            double loading = (System.nanoTime() - t0) / 1e9;
            double rebuilding = rebuild(context);
            List<String[]> queries = Files.readAllLines(QUERIES).stream()
                    .filter(l -> !l.isBlank())
                    .map(l -> l.split("\t", 2))
                    .toList();

            KnowledgeSearch search = context.getBean(KnowledgeSearch.class);
            HttpClient http = HttpClient.newHttpClient();
            long[] hitCounts = new long[queries.size()];
            List<Long> httpMicros = new ArrayList<>();
            List<Long> directMicros = new ArrayList<>();
            for (int pass = 0; pass <= PASSES; pass++) {
                for (int q = 0; q < queries.size(); q++) {
                    String text = queries.get(q)[1];
                    long s = System.nanoTime();
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/search?size=20&q="
                                            + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    long took = (System.nanoTime() - s) / 1000;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(text + ": " + response.statusCode() + " " + response.body());
                    }
                    s = System.nanoTime();
                    hitCounts[q] = search.search(SearchQuery.of(text)).total();
                    long direct = (System.nanoTime() - s) / 1000;
                    if (pass > 0) {
                        httpMicros.add(took);
                        directMicros.add(direct);
                    }
                }
            }
            StringBuilder report = new StringBuilder();
            report.append(String.format(
                    Locale.ROOT,
                    "Search benchmark: %,d documents loaded in %.1f s, index rebuilt in %.1f s (%.0f docs/s)%n",
                    loaded,
                    loading,
                    rebuilding,
                    loaded / rebuilding));
            report.append(String.format(
                    Locale.ROOT,
                    "  %d queries x %d passes, top 20: GET /api/v1/search p50 %.1f ms, p95 %.1f ms, max %.1f ms;"
                            + " in-process p50 %.1f ms, p95 %.1f ms%n",
                    queries.size(),
                    PASSES,
                    percentile(httpMicros, 50),
                    percentile(httpMicros, 95),
                    percentile(httpMicros, 100),
                    percentile(directMicros, 50),
                    percentile(directMicros, 95)));
            report.append("  hits per query: ")
                    .append(Arrays.toString(hitCounts))
                    .append('\n');
            System.out.print(report);
            Files.writeString(Path.of("target", "search-benchmark.md"), report.toString());
        }
    }

    /** Insert the corpus into the search document table, each body split into its sections at its headings. */
    static int load(JdbcTemplate jdbc) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Object[]> batch = new ArrayList<>();
        int n = 0;
        try (BufferedReader lines = Files.newBufferedReader(CORPUS)) {
            for (String line = lines.readLine(); line != null && n < DOCS; line = lines.readLine()) {
                JsonNode doc = json.readTree(line);
                n++;
                Instant started = Instant.ofEpochSecond(doc.path("created").asLong(1_600_000_000L + n * 3600L));
                batch.add(new Object[] {
                    (long) n,
                    "INC-" + n,
                    (long) n,
                    clip(doc.path("title").asString(), 200),
                    clip(doc.path("summary").asString(), 10_000),
                    "",
                    KINDS[n % KINDS.length],
                    "SEV" + (1 + n % 4),
                    "resolved",
                    "published",
                    SERVICES[n % SERVICES.length] + "\n" + SERVICES[(n / 7) % SERVICES.length],
                    TEAMS[n % TEAMS.length],
                    "",
                    Timestamp.from(started),
                    Timestamp.from(started.plusSeconds(3600)),
                    sections(doc.path("body").asString()),
                    Timestamp.from(Instant.now())
                });
                if (batch.size() == 500) {
                    insert(jdbc, batch);
                }
            }
        }
        insert(jdbc, batch);
        return n;
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> batch) {
        jdbc.batchUpdate(
                "insert into knowledge_documents (incident_id, incident_key, postmortem_id, title, summary, impact, kind,"
                        + " severity, status, postmortem_status, services, teams, factor_categories, started_at,"
                        + " resolved_at, sections, timeline, accounts, whys, factors, actions, computed_at) values (?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', '', ?)",
                batch);
        batch.clear();
    }

    private static double rebuild(ConfigurableApplicationContext context) throws Exception {
        var rebuild = context.getBean(org.kintsugi.knowledge.KnowledgeSearch.class);
        long t0 = System.nanoTime();
        rebuild.rebuild();
        while (rebuild.rebuildProgress().running()) {
            Thread.sleep(100);
        }
        if (rebuild.rebuildProgress().failure() != null) {
            throw new IllegalStateException(rebuild.rebuildProgress().failure());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String sections(String body) {
        StringBuilder out = new StringBuilder();
        String heading = "What happened";
        StringBuilder text = new StringBuilder();
        for (String line : body.split("\n")) {
            if (line.startsWith("#")) {
                append(out, heading, text);
                heading = line.replaceFirst("^#+\\s*", "");
                text.setLength(0);
            } else {
                text.append(line).append('\n');
            }
        }
        append(out, heading, text);
        return out.toString();
    }

    private static void append(StringBuilder out, String heading, StringBuilder text) {
        if (!text.toString().isBlank()) {
            out.append("§ ")
                    .append(heading)
                    .append('\n')
                    .append(text.toString().strip())
                    .append("\n\n");
        }
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static double percentile(List<Long> micros, int p) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        int at = Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[at] / 1000.0;
    }
}
