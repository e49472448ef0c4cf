package org.kintsugi.postmortem.timeline;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TimelineEvents extends JpaRepository<TimelineEvent, Long> {

    List<TimelineEvent> findByPostmortemIdOrderByAtAscIdAsc(long postmortemId);

    long countByPostmortemId(long postmortemId);
}
