package org.kintsugi.knowledge.index;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.IncidentFilter;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentSort;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.knowledge.RebuildProgress;
import org.kintsugi.shared.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuild the search index in the background, one rebuild at a time: first the documents of incidents that have none
 * (an index added to an existing database), then every document from the table written over the live index, and last
 * the removal of documents whose incident is gone. Search keeps answering from the whole index all along.
 */
@Component
public class IndexRebuild {

    static final String READING = "reading incidents";
    static final String INDEXING = "indexing documents";

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);
    private static final int PAGE = IncidentFilter.MAX_PAGE_SIZE;
    private static final int BATCH = 200;

    private final EntityManager entityManager;
    private final TransactionTemplate transaction;
    private final KnowledgeDocuments documents;
    private final DocumentIndexer indexer;
    private final IncidentManagement incidents;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.none());
    private final AtomicLong done = new AtomicLong();

    IndexRebuild(
            EntityManager entityManager,
            PlatformTransactionManager transactions,
            KnowledgeDocuments documents,
            DocumentIndexer indexer,
            IncidentManagement incidents,
            Clock clock) {
        this.entityManager = entityManager;
        this.transaction = new TransactionTemplate(transactions);
        this.documents = documents;
        this.indexer = indexer;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** Start a rebuild; refused while one is at work. */
    public RebuildProgress start(String reason) {
        if (!running.compareAndSet(false, true)) {
            throw RefusedException.state("The search index is being rebuilt already ("
                    + current().done() + " of " + current().total() + " "
                    + current().step()
                    + "); wait for it to finish.");
        }
        done.set(0);
        progress.set(new RebuildProgress(true, READING, 0, 0, reason, clock.instant(), null, null));
        // A thread of its own: the shared task executor also runs the listeners that keep the index current.
        Thread.ofPlatform().name("search-index-rebuild").daemon().start(this::run);
        return current();
    }

    /** Return how the latest rebuild went, or is going. */
    public RebuildProgress current() {
        RebuildProgress p = progress.get();
        return p.running() ? withDone(p, done.get()) : p;
    }

    private void run() {
        try {
            fillMissing();
            indexAll();
            finish(null, removeStale());
        } catch (RuntimeException e) {
            log.error("Rebuilding the search index failed", e);
            finish(e.getMessage() == null ? e.toString() : e.getMessage(), 0);
        }
    }

    /** Compute the documents of incidents that have none, newest first. */
    private void fillMissing() {
        Set<Long> have = new HashSet<>(documents.allIds());
        IncidentFilter all = IncidentFilter.all();
        long total = incidents.list(all).getTotalElements();
        long missing = Math.max(0, total - have.size());
        step(READING, missing);
        String after = null;
        while (missing > 0) {
            List<IncidentView> page = incidents
                    .list(new IncidentFilter(
                            all.statuses(),
                            all.severities(),
                            all.kinds(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            IncidentSort.NEWEST,
                            0,
                            PAGE,
                            after))
                    .getContent();
            if (page.isEmpty()) {
                return;
            }
            for (IncidentView incident : page) {
                if (!have.contains(incident.id())) {
                    indexer.refresh(incident.id());
                    done.incrementAndGet();
                }
            }
            after = IncidentSort.NEWEST.cursorAfter(page.getLast());
            if (after == null || page.size() < PAGE) {
                return;
            }
        }
    }

    /**
     * Write every stored document into the live index, a batch at a time, replacing what it held for each; the index
     * is never emptied first, so searches keep finding everything while a rebuild runs.
     */
    private void indexAll() {
        step(INDEXING, documents.count());
        Long after = -1L;
        while (after != null) {
            after = indexBatchAfter(after);
        }
    }

    private @Nullable Long indexBatchAfter(long after) {
        return indexer.exclusively(() -> transaction.execute(status -> {
            List<KnowledgeDocument> batch = documents.batchAfter(after, Limit.of(BATCH));
            SearchIndexingPlan plan = Search.session(entityManager).indexingPlan();
            batch.forEach(plan::addOrUpdate);
            plan.execute();
            done.addAndGet(batch.size());
            entityManager.clear();
            return batch.size() < BATCH ? null : batch.getLast().getIncidentId();
        }));
    }

    /** Remove from the index the documents of incidents the table no longer holds. */
    private long removeStale() {
        Set<Long> stored = new HashSet<>(documents.allIds());
        List<Long> candidates = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            try (SearchScroll<Long> ids = Search.session(entityManager)
                    .search(KnowledgeDocument.class)
                    .select(f -> f.id(Long.class))
                    .where(f -> f.matchAll())
                    .scroll(BATCH * 5)) {
                for (var chunk = ids.next(); chunk.hasHits(); chunk = ids.next()) {
                    chunk.hits().stream().filter(id -> !stored.contains(id)).forEach(candidates::add);
                }
            }
        });
        // Checked again under the indexer's locks: an incident declared since the table was read is not stale.
        long removed = candidates.isEmpty()
                ? 0
                : indexer.exclusively(() -> transaction.execute(status -> {
                    SearchIndexingPlan plan = Search.session(entityManager).indexingPlan();
                    List<Long> stale = candidates.stream()
                            .filter(id -> !documents.existsById(id))
                            .toList();
                    stale.forEach(id -> plan.purge(KnowledgeDocument.class, id, null));
                    plan.execute();
                    return (long) stale.size();
                }));
        if (removed > 0) {
            log.info("Removed {} search documents of incidents that no longer exist", removed);
        }
        return removed;
    }

    private void step(String name, long total) {
        done.set(0);
        RebuildProgress p = progress.get();
        progress.set(new RebuildProgress(true, name, 0, total, p.reason(), p.startedAt(), null, null));
    }

    private void finish(@Nullable String failure, long removed) {
        RebuildProgress p = progress.get();
        long finalDone = done.get();
        progress.set(new RebuildProgress(
                false,
                removed == 0 ? p.step() : p.step() + "; " + removed + " of deleted incidents removed",
                finalDone,
                Math.max(p.total(), finalDone),
                p.reason(),
                p.startedAt(),
                clock.instant(),
                failure));
        running.set(false);
    }

    private static RebuildProgress withDone(RebuildProgress p, long done) {
        return new RebuildProgress(
                p.running(), p.step(), done, p.total(), p.reason(), p.startedAt(), p.finishedAt(), p.failure());
    }
}
