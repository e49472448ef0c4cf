package org.kintsugi.knowledge.index;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface KnowledgeDocuments extends JpaRepository<KnowledgeDocument, Long> {

    @Query("select d.incidentId from KnowledgeDocument d")
    List<Long> allIds();
}
