package org.kintsugi.action.tracker;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TrackerLinks extends JpaRepository<TrackerLink, Long> {

    Optional<TrackerLink> findByActionId(long actionId);

    List<TrackerLink> findByActionIdIn(Collection<Long> actionIds);

    List<TrackerLink> findByTrackerAndRemoteProjectAndRemoteIdAndState(
            String tracker, String remoteProject, String remoteId, RequestState state);

    /** Return the requests whose next attempt is due, longest waiting first. */
    @Query(
            "select l.id from TrackerLink l where l.state = :pending and l.nextAttemptAt <= :now order by l.nextAttemptAt")
    List<Long> due(RequestState pending, Instant now, Limit limit);

    /** Return the tickets whose items a state change could still move: open, done or found not effective. */
    @Query(
            nativeQuery = true,
            value = "select l.id from tracker_links l join action_items a on a.id = l.action_id"
                    + " where l.state = 'SENT'"
                    + " and a.status in ('PROPOSED', 'COMMITTED', 'IN_PROGRESS', 'DONE', 'NOT_EFFECTIVE')"
                    + " order by l.id")
    List<Long> followed();
}
