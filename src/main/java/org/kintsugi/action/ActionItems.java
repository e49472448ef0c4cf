package org.kintsugi.action;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ActionItems extends JpaRepository<ActionItem, Long>, JpaSpecificationExecutor<ActionItem> {

    List<ActionItem> findByPostmortemIdOrderByIdAsc(long postmortemId);

    long countByPostmortemId(long postmortemId);

    List<ActionItem> findByParentId(long parentId);

    List<ActionItem> findByStatusIn(java.util.Collection<ActionStatus> statuses);
}
