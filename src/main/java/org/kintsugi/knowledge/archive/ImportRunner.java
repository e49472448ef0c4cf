package org.kintsugi.knowledge.archive;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.kintsugi.knowledge.archive.ImportJobs.Job;
import org.kintsugi.knowledge.archive.ImportJobs.Waiting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Run archive imports in the background on a few threads of their own ({@code kintsugi.archive.workers}), one job
 * per thread, so pages and the API stay responsive while an archive comes in. At start, and every minute after,
 * jobs left unfinished — by a restart, a crash or a database that was away — are taken up again where they stopped.
 * Several nodes may work on one job at once: each file is taken by one of them only.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final int BATCH = 100;

    private final ImportJobs jobs;
    private final FileImport files;
    private final Clock clock;
    private final ThreadPoolExecutor workers;
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    ImportRunner(ImportJobs jobs, FileImport files, Clock clock, @Value("${kintsugi.archive.workers:1}") int workers) {
        this.jobs = jobs;
        this.files = files;
        this.clock = clock;
        int threads = Math.max(1, workers);
        this.workers = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("archive-import-", 1).factory());
    }

    /** Queue the job unless it is queued or running here already. */
    void submit(long job) {
        if (stopping || !queued.add(job)) {
            return;
        }
        try {
            workers.execute(() -> run(job));
        } catch (RejectedExecutionException shuttingDown) {
            queued.remove(job);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${kintsugi.archive.resume-every:PT1M}", initialDelayString = "PT1M")
    void resume() {
        List<Long> unfinished = jobs.unfinished();
        if (!unfinished.isEmpty()) {
            log.info("Taking up {} unfinished archive import(s)", unfinished.size());
        }
        unfinished.forEach(this::submit);
    }

    private void run(long id) {
        try {
            Optional<Job> job = jobs.job(id);
            if (job.isEmpty() || job.get().state() == JobState.DONE) {
                return;
            }
            jobs.started(id, clock.instant());
            List<Waiting> next = jobs.waiting(id, BATCH);
            while (!next.isEmpty()) {
                for (Waiting file : next) {
                    if (stopping) {
                        return;
                    }
                    files.importOne(job.get(), file);
                }
                next = jobs.waiting(id, BATCH);
            }
            jobs.finishIfDone(id, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Archive import {} stopped; it is taken up again within a minute: {}", id, e.toString());
        } finally {
            queued.remove(id);
        }
    }

    /** Let the file being imported finish, and leave the rest waiting for the next start. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        workers.shutdown();
        if (!workers.awaitTermination(15, TimeUnit.SECONDS)) {
            log.warn("Archive imports still running at shutdown; their files wait for the next start");
        }
    }
}
