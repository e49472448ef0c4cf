package org.kintsugi.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat server's incoming webhook on a local port: it keeps every body posted to it and answers with the status a
 * test sets (200 unless told otherwise), the way a channel that is up or down would. Each request is taken as it
 * arrives and answered as the server was set at that moment, however long it is then kept waiting. A Kintsugi in this
 * JVM or in a {@link ChildKintsugi} posts to it over localhost.
 */
public final class ChatServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger delayMillis = new AtomicInteger(0);
    private final AtomicInteger requests = new AtomicInteger(0);

    public ChatServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            int answer = status.get();
            try {
                Thread.sleep(delayMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (answer / 100 == 2) {
                bodies.add(body);
                contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            }
            byte[] reply = (answer / 100 == 2 ? "ok" : "the channel is down").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.setExecutor(handlers);
        server.start();
    }

    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + name;
    }

    public void answer(int status) {
        this.status.set(status);
    }

    /** Answer each request only after this long, as a slow channel does. */
    public void delay(int millis) {
        delayMillis.set(millis);
    }

    /** How many requests arrived, whatever was answered. */
    public int requests() {
        return requests.get();
    }

    /** The bodies taken (2xx answers) so far. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    public List<String> contentTypes() {
        return List.copyOf(contentTypes);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
