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
import org.kintsugi.knowledge.similar.DocumentVectors;
import org.kintsugi.knowledge.similar.Embedder;
import org.kintsugi.knowledge.similar.Passages;
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
    static final int[] CLIENTS = {1, 8};
    static final int EMBED = Integer.getInteger("bench.embed", 2_000);
    static final int EMBED_THREADS = Integer.getInteger("bench.embed-threads", 2);
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
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + port;
            List<HttpRequest> searches = queries.stream()
                    .map(q -> HttpRequest.newBuilder(URI.create(base + "/api/v1/search?size=20&q="
                                    + URLEncoder.encode(q[1], StandardCharsets.UTF_8)))
                            .header("Authorization", "Bearer " + token)
                            .build())
                    .toList();
            long[] hitCounts = new long[queries.size()];
            List<Long> directMicros = new ArrayList<>();
            for (int pass = 0; pass <= PASSES; pass++) {
                for (int q = 0; q < queries.size(); q++) {
                    long s = System.nanoTime();
                    hitCounts[q] =
                            search.search(SearchQuery.of(queries.get(q)[1])).total();
                    if (pass > 0) {
                        directMicros.add((System.nanoTime() - s) / 1000);
                    }
                }
            }
            StringBuilder report = new StringBuilder();
            report.append(String.format(
                    Locale.ROOT,
                    "Search benchmark: %,d documents loaded in %.1f s, index rebuilt in %.1f s (%.0f docs/s),"
                            + " index on disk %.1f MB%n",
                    loaded,
                    loading,
                    rebuilding,
                    loaded / rebuilding,
                    size(DATA.resolve("index")) / 1e6));
            report.append(String.format(
                    Locale.ROOT,
                    "  in-process search, %d queries x %d passes, top 20: p50 %.1f ms, p95 %.1f ms%n",
                    queries.size(),
                    PASSES,
                    percentile(directMicros, 50),
                    percentile(directMicros, 95)));
            for (int clients : CLIENTS) {
                report.append(timed("GET /api/v1/search", http, searches, clients));
            }
            report.append("  hits per query: ")
                    .append(Arrays.toString(hitCounts))
                    .append('\n');
            System.out.print(report);

            // Embeddings: the real model on a sample, on as many threads as the index has; the rest of the
            // documents get copies of the sample's vectors, so "similar" scans as many vectors as documents.
            int sample = Math.min(EMBED, loaded);
            DocumentVectors vectors = context.getBean(DocumentVectors.class);
            double embedding = embed(context.getBean(JdbcTemplate.class), vectors, sample);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            int copied =
                    jdbc.update("insert into knowledge_vectors (incident_id, model, text_hash, vector, computed_at)"
                            + " select d.incident_id, v.model, v.text_hash, v.vector, v.computed_at"
                            + " from knowledge_documents d join knowledge_vectors v on v.incident_id = 1 + mod(d.incident_id"
                            + " - 1, " + sample + ") where d.incident_id > " + sample);
            String embedded = String.format(
                    Locale.ROOT,
                    "  embeddings (%s, 3 passages of at most %d words each, %d threads): %,d documents in %.1f s,"
                            + " %.1f documents/s; %,d more vectors copied from them%n",
                    Embedder.MODEL,
                    Embedder.PASSAGE_WORDS,
                    EMBED_THREADS,
                    sample,
                    embedding,
                    sample / embedding,
                    copied);
            report.append(embedded);
            System.out.print(embedded);
            List<HttpRequest> similar = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            try (BufferedReader lines = Files.newBufferedReader(CORPUS)) {
                int n = 0;
                for (String line = lines.readLine(); line != null && similar.size() < 60; line = lines.readLine()) {
                    if (n++ % 97 != 0) {
                        continue;
                    }
                    JsonNode doc = json.readTree(line);
                    String body = json.writeValueAsString(java.util.Map.of(
                            "title", clip(doc.path("title").asString(), 200),
                            "summary", clip(doc.path("summary").asString(), 10_000)));
                    similar.add(HttpRequest.newBuilder(URI.create(base + "/api/v1/similar?limit=5"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build());
                }
            }
            for (int clients : CLIENTS) {
                String line = timed("POST /api/v1/similar", http, similar, clients);
                report.append(line);
                System.out.print(line);
            }
            Files.writeString(Path.of("target", "search-benchmark.md"), report.toString());
        }
    }

    /**
     * Send every request {@code PASSES} times (after one pass to warm up) from {@code clients} threads at once, each
     * client starting at another place in the list, and report p50, p95, max and requests per second.
     */
    static String timed(String name, HttpClient http, List<HttpRequest> requests, int clients) throws Exception {
        List<Long> micros = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] elapsed = new long[1];
        for (int round = 0; round < 2; round++) {
            boolean measured = round == 1;
            int passes = measured ? PASSES : 1;
            long t0 = System.nanoTime();
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(clients)) {
                List<java.util.concurrent.Future<?>> running = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int offset = c * requests.size() / clients;
                    running.add(pool.submit(() -> {
                        for (int i = 0; i < passes * requests.size(); i++) {
                            HttpRequest request = requests.get((offset + i) % requests.size());
                            long s = System.nanoTime();
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            long took = (System.nanoTime() - s) / 1000;
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException(
                                        request.uri() + ": " + response.statusCode() + " " + response.body());
                            }
                            if (measured) {
                                micros.add(took);
                            }
                        }
                        return null;
                    }));
                }
                for (var r : running) {
                    r.get();
                }
            }
            elapsed[0] = System.nanoTime() - t0;
        }
        return String.format(
                Locale.ROOT,
                "  %s, %d client(s), %,d requests: p50 %.1f ms, p95 %.1f ms, max %.1f ms, %.0f requests/s%n",
                name,
                clients,
                micros.size(),
                percentile(micros, 50),
                percentile(micros, 95),
                percentile(micros, 100),
                micros.size() / (elapsed[0] / 1e9));
    }

    /** Make the real embeddings of the first {@code sample} documents and return the seconds it took. */
    static double embed(JdbcTemplate jdbc, DocumentVectors vectors, int sample) throws Exception {
        List<Object[]> rows = jdbc.query(
                "select incident_id, title, summary, sections from knowledge_documents where incident_id <= ?"
                        + " order by incident_id",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                sample);
        long t0 = System.nanoTime();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(EMBED_THREADS)) {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (Object[] row : rows) {
                running.add(pool.submit(() -> vectors.update(
                        (Long) row[0], Passages.of((String) row[1], (String) row[2], "", (String) row[3], "", ""))));
            }
            for (var r : running) {
                r.get();
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static long size(Path directory) throws java.io.IOException {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
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
