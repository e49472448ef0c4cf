package org.kintsugi.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The index's threads at shutdown. */
class IndexTasksTests {

    @Test
    void aRefreshHeldByAPausedExecutorRunsAtCloseAndTheThreadsEndWithoutWaitingOutTheDrain() throws Exception {
        IndexTasks tasks = new IndexTasks();
        ThreadPoolTaskExecutor executor = tasks.knowledgeIndexTasks(1);
        executor.initialize();
        // A stopped context pauses its executors: a refresh submitted now is taken by the thread, which then waits.
        executor.stop();
        AtomicBoolean ran = new AtomicBoolean();
        executor.execute(() -> ran.set(true));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!executor.getThreadPoolExecutor().getQueue().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(executor.getThreadPoolExecutor().getQueue()).isEmpty();

        long start = System.nanoTime();
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            tasks.knowledgeIndexTasksDrain(executor).onApplicationEvent(new ContextClosedEvent(context));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(executor.getThreadPoolExecutor().isTerminated()).isTrue();
        assertThat(ran).isTrue();
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }
}
