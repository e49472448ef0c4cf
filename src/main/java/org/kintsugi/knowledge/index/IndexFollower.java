package org.kintsugi.knowledge.index;

import org.kintsugi.action.ActionItemChanged;
import org.kintsugi.analysis.AnalysisChanged;
import org.kintsugi.incident.IncidentDeclared;
import org.kintsugi.incident.IncidentResolved;
import org.kintsugi.incident.IncidentRevised;
import org.kintsugi.postmortem.PostmortemChanged;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemPublished;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keep the search index in step with every change other modules announce. Each listener runs after the change
 * commits, on its own thread, and is recorded in the event publication registry: one that fails (or whose process
 * dies) stays incomplete and is delivered again at the next start. They are {@code @TransactionalEventListener}s
 * rather than {@code @ApplicationModuleListener}s because {@link DocumentIndexer} takes its per-incident turn before
 * opening its transaction, so that turns end with a commit.
 */
@Component
class IndexFollower {

    private final DocumentIndexer indexer;
    private final PostmortemManagement postmortems;

    IndexFollower(DocumentIndexer indexer, PostmortemManagement postmortems) {
        this.indexer = indexer;
        this.postmortems = postmortems;
    }

    @Async(IndexTasks.EXECUTOR)
    @TransactionalEventListener
    void on(IncidentDeclared declared) {
        indexer.refresh(declared.incidentId());
    }

    @Async(IndexTasks.EXECUTOR)
    @TransactionalEventListener
    void on(IncidentRevised revised) {
        indexer.refresh(revised.incidentId());
    }

    @Async(IndexTasks.EXECUTOR)
    @TransactionalEventListener
    void on(IncidentResolved resolved) {
        indexer.refresh(resolved.incidentId());
    }

    @Async(IndexTasks.EXECUTOR)
    @TransactionalEventListener
    void on(PostmortemChanged changed) {
        indexer.refresh(changed.incidentId());
    }

    @Async(IndexTasks.EXECUTOR)
    @TransactionalEventListener
    void on(PostmortemPublished published) {
        indexer.refresh(published.incidentId());
    }

    @Async(IndexTasks.EXECUTOR)
    @TransactionalEventListener
    void on(AnalysisChanged changed) {
        indexer.refresh(postmortems.find(changed.postmortemId()).incidentId());
    }

    @Async(IndexTasks.EXECUTOR)
    @TransactionalEventListener
    void on(ActionItemChanged changed) {
        indexer.refresh(postmortems.find(changed.postmortemId()).incidentId());
    }
}
