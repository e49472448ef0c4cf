package org.kintsugi.postmortem.revision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Revisions extends JpaRepository<Revision, Long> {

    List<Revision> findByPostmortemIdOrderByNumberAsc(long postmortemId);

    Optional<Revision> findByPostmortemIdAndNumber(long postmortemId, int number);
}
