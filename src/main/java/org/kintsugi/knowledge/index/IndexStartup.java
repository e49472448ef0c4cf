package org.kintsugi.knowledge.index;

import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.IncidentFilter;
import org.kintsugi.incident.IncidentManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once Kintsugi is up, rebuild the search index by itself when it is missing, was found damaged, or does not hold
 * every incident: a new data directory on an existing database, an index folder deleted, or the first start with
 * search.
 */
@Component
class IndexStartup {

    private static final Logger log = LoggerFactory.getLogger(IndexStartup.class);

    private final SearchBackend backend;
    private final DocumentSearch search;
    private final KnowledgeDocuments documents;
    private final IncidentManagement incidents;
    private final IndexRebuild rebuild;

    IndexStartup(
            SearchBackend backend,
            DocumentSearch search,
            KnowledgeDocuments documents,
            IncidentManagement incidents,
            IndexRebuild rebuild) {
        this.backend = backend;
        this.search = search;
        this.documents = documents;
        this.incidents = incidents;
        this.rebuild = rebuild;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkIndex() {
        String reason = reason();
        if (reason != null) {
            log.info("Rebuilding the search index: {}", reason);
            rebuild.start(reason);
        }
    }

    private @Nullable String reason() {
        if (backend.damagedAtStart()) {
            return "the index was damaged";
        }
        long stored = documents.count();
        long incidentCount = incidents.list(IncidentFilter.all()).getTotalElements();
        if (incidentCount > stored) {
            return (incidentCount - stored) + " incidents had no search document";
        }
        long indexed = search.indexed();
        if (indexed != stored) {
            return "the index held " + indexed + " of " + stored + " documents";
        }
        return null;
    }
}
