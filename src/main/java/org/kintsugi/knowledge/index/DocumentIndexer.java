package org.kintsugi.knowledge.index;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.kintsugi.knowledge.similar.DocumentVectors;
import org.kintsugi.knowledge.similar.Passages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recompute one incident's search document and write it to the table and the index in one transaction. The index is
 * written before the transaction commits, so when anything fails or the process dies first, the change event's
 * publication stays incomplete and is delivered again (at restart at the latest); refreshing twice does no harm.
 */
@Component
public class DocumentIndexer {

    private static final int STRIPES = 64;

    private final DocumentReader reader;
    private final KnowledgeDocuments documents;
    private final EntityManager entityManager;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DocumentVectors vectors;
    private final Lock[] locks = new Lock[STRIPES];

    DocumentIndexer(
            DocumentReader reader,
            KnowledgeDocuments documents,
            EntityManager entityManager,
            PlatformTransactionManager transactions,
            Clock clock,
            DocumentVectors vectors) {
        this.reader = reader;
        this.vectors = vectors;
        this.documents = documents;
        this.entityManager = entityManager;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Read the incident afresh and store and index its document, or remove it when the incident is gone. Refreshes
     * of one incident take turns, each committed before the next reads, so the last one written is the newest.
     */
    public void refresh(long incidentId) {
        Lock lock = locks[(int) Math.floorMod(incidentId, (long) STRIPES)];
        lock.lock();
        try {
            transaction.executeWithoutResult(status -> write(incidentId));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Run the work while no refresh is under way, for a rebuild: what it reads from the table is then what the index
     * last received, and it cannot overwrite a newer document with an older one.
     */
    <T> T exclusively(Supplier<T> work) {
        int held = 0;
        try {
            for (; held < STRIPES; held++) {
                locks[held].lock();
            }
            return work.get();
        } finally {
            for (int i = held - 1; i >= 0; i--) {
                locks[i].unlock();
            }
        }
    }

    private void write(long incidentId) {
        Optional<DocumentContent> content = reader.read(incidentId);
        SearchSession search = Search.session(entityManager);
        Optional<KnowledgeDocument> stored = documents.findById(incidentId);
        if (content.isEmpty()) {
            stored.ifPresent(documents::delete);
            vectors.remove(incidentId);
            search.indexingPlan().purge(KnowledgeDocument.class, incidentId, null);
        } else {
            KnowledgeDocument document = stored.orElseGet(() -> new KnowledgeDocument(incidentId));
            document.refresh(content.get(), clock.instant());
            search.indexingPlan().addOrUpdate(documents.save(document));
            DocumentContent c = content.get();
            vectors.update(
                    incidentId, Passages.of(c.title(), c.summary(), c.impact(), c.sections(), c.whys(), c.factors()));
        }
        documents.flush();
        search.indexingPlan().execute();
    }
}
