package org.kintsugi.knowledge.index;

import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.kintsugi.incident.IncidentFilter;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentSort;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.knowledge.RebuildProgress;
import org.kintsugi.shared.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuild the search index in the background, one rebuild at a time: first the documents of incidents that have none
 * (an index added to an existing database), then every document from the table into an emptied index.
 */
@Component
public class IndexRebuild {

    static final String READING = "reading incidents";
    static final String INDEXING = "indexing documents";

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);
    private static final int PAGE = IncidentFilter.MAX_PAGE_SIZE;

    private final SearchMapping mapping;
    private final KnowledgeDocuments documents;
    private final DocumentIndexer indexer;
    private final IncidentManagement incidents;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.none());
    private final AtomicLong done = new AtomicLong();

    IndexRebuild(
            EntityManagerFactory entityManagerFactory,
            KnowledgeDocuments documents,
            DocumentIndexer indexer,
            IncidentManagement incidents,
            Clock clock) {
        this.mapping = Search.mapping(entityManagerFactory);
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
            finish(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish("interrupted");
        } catch (RuntimeException e) {
            log.error("Rebuilding the search index failed", e);
            finish(e.getMessage() == null ? e.toString() : e.getMessage());
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

    private void indexAll() throws InterruptedException {
        step(INDEXING, documents.count());
        mapping.scope(KnowledgeDocument.class)
                .massIndexer()
                .threadsToLoadObjects(1)
                .batchSizeToLoadObjects(100)
                .monitor(new Monitor())
                .startAndWait();
    }

    private void step(String name, long total) {
        done.set(0);
        RebuildProgress p = progress.get();
        progress.set(new RebuildProgress(true, name, 0, total, p.reason(), p.startedAt(), null, null));
    }

    private void finish(String failure) {
        RebuildProgress p = progress.get();
        long finalDone = done.get();
        progress.set(new RebuildProgress(
                false,
                p.step(),
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

    /** Counts the documents written to the index as they are. */
    private final class Monitor implements MassIndexingMonitor {
        @Override
        public void documentsAdded(long increment) {
            done.addAndGet(increment);
        }

        @Override
        public void documentsBuilt(long increment) {}

        @Override
        public void entitiesLoaded(long increment) {}

        @Override
        public void indexingCompleted() {}
    }
}
