package org.kintsugi.postmortem.web;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.Limits;
import org.springframework.stereotype.Component;

/**
 * Render exports off the request threads, a few at a time ({@code kintsugi.limits.exports-at-once}), at most
 * {@code kintsugi.limits.exports-per-person} running for one person, each stopped when its deadline passes or its
 * request goes away.
 *
 * <p>openhtmltopdf never looks at the thread's interrupt flag, so cancelling the future alone would leave the render
 * running. Each job therefore carries a {@link Stop} that the renderer polls between lines of text it lays out; once
 * it is raised the render throws and its thread is free again.
 */
@Component
class ExportJobs {

    private final Limits limits;
    private final ThreadPoolExecutor executor;
    private final ConcurrentHashMap<Long, AtomicInteger> running = new ConcurrentHashMap<>();

    ExportJobs(Limits limits) {
        this.limits = limits;
        int threads = Math.max(1, limits.exportsAtOnce());
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                threads,
                threads,
                1,
                TimeUnit.MINUTES,
                // A few waiting at most: beyond that a person is told to come back rather than wait for minutes.
                new ArrayBlockingQueue<>(threads * 4),
                task -> {
                    Thread thread = new Thread(task, "export-" + n.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** A flag a running export looks at; raised at its deadline or when its request is gone. */
    static final class Stop {

        private final AtomicBoolean raised = new AtomicBoolean();
        private volatile String reason = "";

        void raise(String why) {
            if (raised.compareAndSet(false, true)) {
                reason = why;
            }
        }

        /** Throw when the export should stop; the renderer calls this as it goes. */
        void check() {
            if (raised.get()) {
                throw new CancellationException(reason);
            }
        }
    }

    /** Run an export for a person; refused with {@code 429} when they already have as many running as allowed. */
    <T> Job<T> start(long personId, Function<Stop, T> work) {
        int max = limits.exportsPerPerson();
        AtomicInteger mine = running.computeIfAbsent(personId, id -> new AtomicInteger());
        if (mine.incrementAndGet() > max) {
            mine.decrementAndGet();
            throw new LimitExceededException(
                    LimitExceededException.Kind.BUSY,
                    "format",
                    "exports-per-person",
                    max,
                    "You have " + max + " exports running; wait until one is done");
        }
        Stop stop = new Stop();
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    stop.check();
                    result.complete(work.apply(stop));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                } finally {
                    mine.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            mine.decrementAndGet();
            throw new LimitExceededException(
                    LimitExceededException.Kind.BUSY,
                    "format",
                    "exports-at-once",
                    limits.exportsAtOnce(),
                    "Too many exports are rendering or waiting right now; try again in a few seconds");
        }
        Duration deadline = limits.exportDeadline();
        result.orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, failure) -> stop.raise("past the deadline of " + deadline.toSeconds() + " s"));
        return new Job<>(result, stop);
    }

    /** A running export: its result, and the flag that stops it. */
    record Job<T>(CompletableFuture<T> result, Stop stop) {}

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
