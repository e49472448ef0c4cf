package org.kintsugi.debrief;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Debriefs extends JpaRepository<Debrief, Long> {

    List<Debrief> findByPostmortemIdOrderByStartsAtAsc(long postmortemId);

    /** Scheduled debriefs that have not ended by this moment, soonest first. */
    @Query("select d from Debrief d where d.state = org.kintsugi.debrief.DebriefState.SCHEDULED"
            + " and d.startsAt > :earliestStart order by d.startsAt asc")
    List<Debrief> upcoming(Instant earliestStart, Pageable page);

    /** Debriefs that started before this moment or were cancelled, latest first. */
    @Query("select d from Debrief d where d.startsAt <= :latestStart"
            + " or d.state <> org.kintsugi.debrief.DebriefState.SCHEDULED order by d.startsAt desc")
    List<Debrief> past(Instant latestStart, Pageable page);
}
