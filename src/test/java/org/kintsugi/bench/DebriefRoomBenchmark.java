package org.kintsugi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kintsugi.support.ChildKintsugi;
import org.springframework.util.FileSystemUtils;

/**
 * Live room benchmark, not part of {@code verify}: {@code ./mvnw test -Dtest=DebriefRoomBenchmark}.
 *
 * <p>Starts Kintsugi in a JVM of its own, adds {@code bench.participants} people (200), invites them all to one
 * debrief in its reflect phase and opens one event stream ({@code GET /api/v1/debriefs/{id}/events}) per person. Then,
 * {@code bench.rounds} times, one of them writes a card through the API and the clock runs from sending that request
 * until each of the streams has received the change's event: p50, p95 and max over every stream and round. With
 * {@code -Dkintsugi.test.db=postgres} a second node starts on the same database, half the people stream from it while
 * every card is written on the first, so each change crosses from one node to the other. Heap after a full collection
 * with and without the streams open gives the memory per connected person. Figures go to standard output and {@code
 * target/debrief-benchmark.md}.
 */
class DebriefRoomBenchmark {

    static final int PARTICIPANTS = Integer.getInteger("bench.participants", 200);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 40);
    /**
     * Whether each client also reads the room after each {@code room} event, as the page does, before it counts as
     * seen; a {@code cards} event (someone else's card while cards are hidden) carries what the page shows.
     */
    static final boolean FETCH = Boolean.getBoolean("bench.fetch");

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * One person's event stream: the newest event id it has received and when each arrived. With {@code bench.fetch},
     * each event also makes the client read the room as the page does, one read at a time and once more if events
     * came meanwhile; then {@code newest} and {@code arrivals} count an event once a read begun after it has returned.
     */
    static final class Stream1 {
        final AtomicLong newest = new AtomicLong();
        final java.util.concurrent.atomic.AtomicInteger retries = new java.util.concurrent.atomic.AtomicInteger();
        final ConcurrentHashMap<Long, Long> arrivals = new ConcurrentHashMap<>();
        final java.util.function.Supplier<java.util.concurrent.CompletableFuture<?>> read;
        private long received;
        private boolean reading;

        Stream1(
                java.util.function.@org.jspecify.annotations.Nullable Supplier<
                                java.util.concurrent.CompletableFuture<?>>
                        read) {
            this.read = read;
        }

        private long pendingId = -1;
        private String pendingName = "message";

        /**
         * Read one line of the stream. At an event's end: a {@code room} event makes the page read the room again; a
         * {@code cards} event carries what the page shows (the count of others' cards), so it counts on arrival.
         */
        void line(String line) {
            if (line.startsWith("id:")) {
                pendingId = Long.parseLong(line.substring(3).strip());
            } else if (line.startsWith("event:")) {
                pendingName = line.substring(6).strip();
            } else if (line.isEmpty() && pendingId >= 0) {
                long id = pendingId;
                boolean reread = read != null && pendingName.equals("room");
                pendingId = -1;
                pendingName = "message";
                if (reread) {
                    received(id);
                } else {
                    arrived(id);
                }
            }
        }

        private void arrived(long id) {
            arrivals.putIfAbsent(id, System.nanoTime());
            newest.accumulateAndGet(id, Math::max);
        }

        private synchronized void received(long id) {
            received = Math.max(received, id);
            if (!reading) {
                startRead();
            }
        }

        private synchronized void startRead() {
            reading = true;
            long covers = received;
            read.get().whenComplete((r, e) -> {
                arrived(covers);
                synchronized (this) {
                    reading = false;
                    if (received > covers) {
                        startRead();
                    }
                }
            });
        }
    }

    @Test
    void measure() throws Exception {
        Path root = Path.of("target", "bench-debrief").toAbsolutePath();
        FileSystemUtils.deleteRecursively(root);
        boolean twoNodes = ChildKintsugi.postgres();
        ChildKintsugi a =
                ChildKintsugi.onTestDatabase(root.resolve("a")).forMeasuring().start();
        ChildKintsugi b =
                twoNodes ? a.anotherNode(root.resolve("b")).forMeasuring().start() : a;
        try {
            run(a, b, twoNodes);
        } finally {
            if (b != a) b.stop();
            a.stop();
        }
    }

    private void run(ChildKintsugi a, ChildKintsugi b, boolean twoNodes) throws Exception {
        String admin = a.token();
        long adminId = id(a.get(admin, "/api/v1/me").body());
        long started = System.nanoTime();
        List<Long> people = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < PARTICIPANTS; i++) {
            String email = "person" + i + "@bench.kintsugi.test";
            HttpResponse<String> added = a.post(admin, "/api/v1/users", """
                    {"email": "%s", "displayName": "Person %d", "password": "bench-password-%d", "role": "MEMBER"}""".formatted(email, i, i));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            people.add(id(added.body()));
            tokens.add(token(a, email, "bench-password-" + i));
        }
        System.out.printf(Locale.ROOT, "%d people and their tokens in %.1f s%n", PARTICIPANTS, seconds(started));
        String invitees = String.join(
                ",", people.stream().map(p -> "{\"personId\": " + p + "}").toList());
        HttpResponse<String> scheduled =
                a.post(admin, "/api/v1/debriefs", """
                {"title": "All-hands debrief", "date": "%s", "time": "10:00", "zone": "UTC", "durationMinutes": 60, "meetingLink": "https://meet.example.org/all-hands",
                 "facilitatorId": %d, "invitees": [%s]}""".formatted(LocalDate.now().plusDays(7), adminId, invitees));
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        long debrief = id(scheduled.body());
        String api = "/api/v1/debriefs/" + debrief;
        HttpResponse<String> reflect = a.post(admin, api + "/phase", "{\"phase\": \"reflect\"}");
        assertThat(reflect.statusCode()).as(reflect.body()).isEqualTo(200);

        long heapBefore = heapAfterGc(a);
        HttpClient client = HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<Stream1> streams = new ArrayList<>();
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        started = System.nanoTime();
        for (int i = 0; i < PARTICIPANTS; i++) {
            ChildKintsugi node = i % 2 == 1 ? b : a;
            String token = tokens.get(i);
            HttpRequest room = HttpRequest.newBuilder(node.url(api + "/room"))
                    .header("Authorization", "Bearer " + token)
                    .build();
            Stream1 stream =
                    new Stream1(FETCH ? () -> client.sendAsync(room, HttpResponse.BodyHandlers.discarding()) : null);
            streams.add(stream);
            connect(client, node.url(api + "/events"), token, stream, refused);
        }
        waitUntilQuiet(streams);
        assertThat(refused).as("streams refused").isEmpty();
        System.out.printf(
                Locale.ROOT,
                "%d streams open and quiet after %.1f s (%d joins retried after a 503)%n",
                PARTICIPANTS,
                seconds(started),
                streams.stream().mapToInt(s -> s.retries.get()).sum());
        long heapWith = heapAfterGc(a);

        List<Long> latencies = new ArrayList<>();
        List<Long> lastOfRound = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long before = streams.stream().mapToLong(s -> s.newest.get()).max().orElse(0);
            String writer = tokens.get(round % PARTICIPANTS);
            long sent = System.nanoTime();
            HttpResponse<String> card = a.post(writer, api + "/cards", """
                    {"column": "start", "text": "Round %d: the replica lag was invisible on the dashboard"}""".formatted(round));
            assertThat(card.statusCode()).as(card.body()).isEqualTo(201);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (streams.stream().anyMatch(s -> s.newest.get() <= before) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            long slowest = 0;
            for (Stream1 s : streams) {
                long arrived = s.arrivals.entrySet().stream()
                        .filter(e -> e.getKey() > before)
                        .mapToLong(e -> e.getValue())
                        .min()
                        .orElse(Long.MAX_VALUE);
                assertThat(arrived).as("a stream missed round " + round).isNotEqualTo(Long.MAX_VALUE);
                long micros = (arrived - sent) / 1000;
                latencies.add(micros);
                slowest = Math.max(slowest, micros);
            }
            lastOfRound.add(slowest);
            Thread.sleep(100);
        }
        long[] all = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] rounds = lastOfRound.stream().mapToLong(Long::longValue).sorted().toArray();
        String report = String.format(
                Locale.ROOT,
                """
                | setting | participants | rounds | p50 ms | p95 ms | max ms | p50 of a round's last ms | heap per participant |
                |---|---:|---:|---:|---:|---:|---:|---:|
                | %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f KB |
                """,
                (twoNodes ? "two nodes, PostgreSQL (card written on one, half the streams on the other)" : "one node")
                        + (FETCH ? ", until each has read the room again" : ", until each stream has the event"),
                PARTICIPANTS,
                ROUNDS,
                at(all, 50),
                at(all, 95),
                all[all.length - 1] / 1000.0,
                at(rounds, 50),
                (heapWith - heapBefore) / 1024.0 / PARTICIPANTS);
        System.out.println(report);
        Files.writeString(Path.of("target", "debrief-benchmark.md"), report);
    }

    /**
     * Open one person's stream; a 503 (the node's request queue full while everyone joins at once) is retried after
     * the second its Retry-After asks for, as a browser's EventSource retries.
     */
    private static void connect(
            HttpClient client, java.net.URI events, String token, Stream1 stream, List<String> refused) {
        client.sendAsync(
                        HttpRequest.newBuilder(events)
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    if (response.statusCode() == 503) {
                        response.body().close();
                        stream.retries.incrementAndGet();
                        java.util.concurrent.CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)
                                .execute(() -> connect(client, events, token, stream, refused));
                    } else if (response.statusCode() != 200) {
                        refused.add(response.statusCode() + " "
                                + String.join("", response.body().limit(5).toList()));
                    } else {
                        response.body().forEach(stream::line);
                    }
                });
    }

    private static double at(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1000.0;
    }

    private static void waitUntilQuiet(List<Stream1> streams) throws InterruptedException {
        long last = -1;
        int quiet = 0;
        while (quiet < 20) {
            Thread.sleep(100);
            long sum = streams.stream().mapToLong(s -> s.newest.get()).sum();
            boolean all = streams.stream().allMatch(s -> s.newest.get() > 0);
            quiet = all && sum == last ? quiet + 1 : 0;
            last = sum;
        }
    }

    /** Return the node's heap in use after a full collection, through {@code jcmd}. */
    private static long heapAfterGc(ChildKintsugi node) throws Exception {
        long pid = node.pid();
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        long total = 0;
        while (used.find()) total += Long.parseLong(used.group(1));
        return total * 1024;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static String token(ChildKintsugi node, String email, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(node.url("/api/v1/tokens"))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        Matcher secret = SECRET.matcher(issued.body());
        assertThat(secret.find()).isTrue();
        return secret.group(1);
    }

    private static long id(String json) {
        Matcher m = ID.matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
