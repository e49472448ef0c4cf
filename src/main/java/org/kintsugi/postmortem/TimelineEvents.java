package org.kintsugi.postmortem;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineEvents extends JpaRepository<TimelineEvent, Long> {

    List<TimelineEvent> findByPostmortemIdOrderByAtAscIdAsc(long postmortemId);

    long countByPostmortemId(long postmortemId);
}
