package org.kintsugi.action.tracker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tracker on a local port that answers as its documented REST API does and keeps its tickets, so tests can close
 * and reopen them. It notes every request that does not have the documented shape, and can be taken down: stopped
 * (connections refused) or answering 503.
 */
abstract class FakeTracker implements AutoCloseable {

    /** One request as the tracker received it. */
    record Request(
            String method, String rawPath, @Nullable String query, Map<String, List<String>> headers, String body) {

        @Nullable
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** An answer: status, JSON body, extra headers. */
    record Reply(int status, Object body, Map<String, String> headers) {

        static Reply of(int status, Object body) {
            return new Reply(status, body, Map.of());
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<String> mismatches = new CopyOnWriteArrayList<>();
    private volatile @Nullable Reply outage;
    private HttpServer server;
    private final int port;

    FakeTracker() {
        this.server = start(0);
        this.port = server.getAddress().getPort();
    }

    /** Answer the request as the tracker's API does; note in {@link #mismatches} what does not match the docs. */
    abstract Reply answer(Request request, @Nullable JsonNode body);

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Answer every request with this status (503 by default) until {@link #recover()}. */
    void failWith(int status, Map<String, String> headers) {
        outage = new Reply(status, Map.of("message", "Service Unavailable"), headers);
    }

    void recover() {
        outage = null;
    }

    /** Stop listening: calls are refused until {@link #restart()}. */
    void stop() {
        server.stop(0);
    }

    /** Listen again on the same port. */
    void restart() {
        server = start(port);
    }

    List<Request> requests(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    void mismatch(String what) {
        mismatches.add(what);
    }

    private HttpServer start(int on) {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 0);
            started.createContext("/", this::handle);
            started.start();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body);
            requests.add(request);
            Reply reply = outage != null ? outage : answer(request, parse(request));
            byte[] bytes = JSON.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private @Nullable JsonNode parse(Request request) {
        if (request.body().isEmpty()) {
            return null;
        }
        String type = request.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            mismatch(request.method() + " " + request.rawPath() + " sent a body as " + type + ", not JSON");
        }
        try {
            return JSON.readTree(request.body());
        } catch (RuntimeException e) {
            mismatch("the body of " + request.method() + " " + request.rawPath() + " is not JSON");
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Return a field's text when it is a string, else null. */
    static @Nullable String string(@Nullable JsonNode node, String field) {
        if (node == null || !node.path(field).isString()) {
            return null;
        }
        return node.path(field).stringValue();
    }
}
