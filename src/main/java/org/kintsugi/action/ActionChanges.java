package org.kintsugi.action;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActionChanges extends JpaRepository<ActionChange, Long> {

    List<ActionChange> findByActionIdOrderByAtAscIdAsc(long actionId);
}
