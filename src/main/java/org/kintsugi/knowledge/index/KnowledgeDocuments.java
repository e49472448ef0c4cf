package org.kintsugi.knowledge.index;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface KnowledgeDocuments extends JpaRepository<KnowledgeDocument, Long> {

    @Query("select d.incidentId from KnowledgeDocument d")
    List<Long> allIds();

    /** Return the next documents in the order of their incident's id, after the one given. */
    @Query("select d from KnowledgeDocument d where d.incidentId > :after order by d.incidentId")
    List<KnowledgeDocument> batchAfter(long after, Limit limit);
}
