package org.kintsugi.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kintsugi.support.ChildKintsugi;
import org.springframework.util.FileSystemUtils;

/**
 * What durable commits cost on the embedded database, not part of {@code verify}:
 * {@code ./mvnw test -Dtest=DurabilityBenchmark}. Starts Kintsugi in a JVM of its own on a fresh H2 file database,
 * once as shipped (each commit written before it is answered) and once with H2's default write delay of 500 ms, and
 * has 8 clients declare incidents through the API for 20 s each (after 10 s of warm-up), printing incidents per
 * second and p50/p95/p99 latency.
 */
class DurabilityBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    static final long WARM_UP = Long.getLong("bench.warmup", 10);
    static final long RUN = Long.getLong("bench.seconds", 20);

    @Test
    void measure() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add(run("durable commits (as shipped)"));
        rows.add(run("write delay 500 ms (H2 default)", ";WRITE_DELAY=500"));
        System.out.println("| setting | incidents/s | p50 ms | p95 ms | p99 ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private String run(String name, String... urlSuffix) throws Exception {
        Path data = Path.of("target", "bench-durability").toAbsolutePath();
        FileSystemUtils.deleteRecursively(data);
        List<String> arguments = new ArrayList<>();
        if (urlSuffix.length > 0) {
            arguments.add("--spring.datasource.url=jdbc:h2:file:" + data + "/db/kintsugi;DB_CLOSE_ON_EXIT=FALSE"
                    + urlSuffix[0]);
        }
        ChildKintsugi app = ChildKintsugi.embedded(data).start(arguments.toArray(String[]::new));
        try {
            String token = app.token();
            drive(app, token, WARM_UP);
            long t0 = System.nanoTime();
            long[] micros = drive(app, token, RUN);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(micros);
            return String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.1f | %.1f | %.1f |",
                    name,
                    micros.length / seconds,
                    pct(micros, 50),
                    pct(micros, 95),
                    pct(micros, 99));
        } finally {
            app.stop();
            FileSystemUtils.deleteRecursively(data);
        }
    }

    private static long[] drive(ChildKintsugi app, String token, long seconds) throws Exception {
        ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpResponse<String> created = app.declare(token, "Benchmark incident");
                    if (created.statusCode() == 201) {
                        samples.add((System.nanoTime() - start) / 1000);
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        return samples.stream().mapToLong(Long::longValue).toArray();
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0
                ? Double.NaN
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1000.0;
    }
}
