package org.kintsugi.postmortem.policy;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Checklist extends JpaRepository<ChecklistItem, Long> {

    List<ChecklistItem> findAllByOrderByPositionAsc();
}
