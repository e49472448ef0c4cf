package org.kintsugi.debrief.room;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A client of a room's event stream over a real socket, reading events as they come in a thread of its own; every
 * wait has a timeout, so a stream that stays silent fails the test instead of hanging it.
 */
final class EventStream implements AutoCloseable {

    /** One event as the client received it; {@code raw} is every line of it, comments included. */
    record Event(long id, String name, String data) {}

    private final HttpResponse<InputStream> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final StringBuilder raw = new StringBuilder();
    private final ExecutorService reader = Executors.newSingleThreadExecutor();

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        reader.submit(this::read);
    }

    static EventStream open(String url, String email, String password, @Nullable String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "text/event-stream")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
        return new EventStream(response);
    }

    int status() {
        return response.statusCode();
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            long id = -1;
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (raw) {
                    raw.append(line).append('\n');
                }
                if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).strip());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && id >= 0) {
                    events.add(new Event(id, name, data.toString()));
                    id = -1;
                    name = "message";
                    data.setLength(0);
                }
            }
        } catch (Exception closed) {
            // The test closed the stream.
        }
    }

    /** Wait until at least {@code count} events arrived, at most {@code timeout}; return those that did. */
    List<Event> await(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (events.size() < count && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return List.copyOf(events);
    }

    /** Wait until an event with this data arrived, at most {@code timeout}; return the events that did. */
    List<Event> awaitData(String data, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (events.stream().noneMatch(e -> e.data().equals(data)) && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        return List.copyOf(events);
    }

    /** Wait until the event with this id arrived, at most {@code timeout}; return it. */
    Event awaitId(long id, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Event e : List.copyOf(events)) {
                if (e.id() == id) {
                    return e;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("No event " + id + " arrived within " + timeout + "; the stream held: " + raw());
    }

    String raw() {
        synchronized (raw) {
            return raw.toString();
        }
    }

    @Override
    public void close() throws Exception {
        response.body().close();
        reader.shutdownNow();
    }
}
