package org.kintsugi.knowledge.index;

import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that bring the index up to date. Index writes wait for Lucene's commit (or OpenSearch's answer), so a
 * burst of changes queues many of them; on threads of their own they never hold up another module's listeners on the
 * shared executor. What is queued is not the only copy: each change stays incomplete in the event publication
 * registry until its refresh has committed.
 */
@Configuration(proxyBeanMethods = false)
class IndexTasks {

    /** The executor {@link IndexFollower} runs on. */
    static final String EXECUTOR = "knowledgeIndexTasks";

    @Bean(name = EXECUTOR, destroyMethod = "shutdown")
    ThreadPoolTaskExecutor knowledgeIndexTasks(@Value("${kintsugi.search.index-threads:2}") int threads) {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException(
                    "kintsugi.search.index-threads must be between 1 and 64, not " + threads);
        }
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("index-");
        executor.setAcceptTasksAfterContextClose(false);
        return executor;
    }

    /**
     * At shutdown, while the database and the index are still open: drop the refreshes still queued (each stays
     * incomplete in the registry and is published again at the next start) and wait for the running ones, so none is
     * cut off half-way through a commit or left to fail against a closed database. An executor paused by a stopped
     * context (as the test framework stops contexts it keeps for later) holds a refresh it has already taken until it
     * is resumed, and nothing resumes it once the context closes: it is resumed here, so that refresh runs and the
     * threads end instead of holding the shutdown for the whole wait.
     */
    @Bean
    ApplicationListener<ContextClosedEvent> knowledgeIndexTasksDrain(
            @Qualifier(EXECUTOR) ThreadPoolTaskExecutor executor) {
        return event -> {
            ThreadPoolExecutor pool = executor.getThreadPoolExecutor();
            pool.getQueue().clear();
            pool.shutdown();
            if (!executor.isRunning()) {
                executor.start();
            }
            try {
                if (!pool.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("Index refreshes still running after {} s at shutdown", DRAIN_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static final long DRAIN_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(IndexTasks.class);
}
