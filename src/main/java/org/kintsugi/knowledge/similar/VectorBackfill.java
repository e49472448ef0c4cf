package org.kintsugi.knowledge.similar;

import java.util.List;
import org.kintsugi.knowledge.index.DocumentIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Once Kintsugi is up, make the embeddings that are missing, were made by another model or have no mechanism profile
 * — the documents written before "another one of those" or its profiles existed — on the index's threads, in the background. What is not done when the
 * process stops is found missing again at the next start.
 */
@Component
class VectorBackfill {

    private static final Logger log = LoggerFactory.getLogger(VectorBackfill.class);

    private final JdbcClient jdbc;
    private final DocumentVectors vectors;
    private final DocumentIndexer indexer;
    private final TaskExecutor tasks;

    VectorBackfill(
            JdbcClient jdbc,
            DocumentVectors vectors,
            DocumentIndexer indexer,
            @Qualifier("knowledgeIndexTasks") TaskExecutor tasks) {
        this.jdbc = jdbc;
        this.vectors = vectors;
        this.indexer = indexer;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillIn() {
        if (!vectors.enabled()) {
            return;
        }
        List<Long> missing = jdbc.sql("select d.incident_id from knowledge_documents d"
                        + " left join knowledge_vectors v on v.incident_id = d.incident_id"
                        + " where v.incident_id is null or v.model <> ? or v.profile is null order by d.incident_id")
                .param(Embedder.MODEL)
                .query(Long.class)
                .list();
        if (missing.isEmpty()) {
            return;
        }
        log.info("Making the embeddings of {} incidents in the background", missing.size());
        for (long incidentId : missing) {
            tasks.execute(() -> indexer.refresh(incidentId));
        }
    }
}
