package org.kintsugi.debrief;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Invitees extends JpaRepository<Invitee, Long> {

    List<Invitee> findByDebriefIdOrderByIdAsc(long debriefId);

    Optional<Invitee> findByAnswerToken(String answerToken);

    long countByDebriefIdAndRemovedFalse(long debriefId);
}
