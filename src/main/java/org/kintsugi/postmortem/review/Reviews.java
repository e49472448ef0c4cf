package org.kintsugi.postmortem.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Reviews extends JpaRepository<Review, Long> {

    List<Review> findByPostmortemIdOrderByAtAscIdAsc(long postmortemId);

    List<Review> findByPostmortemIdAndRevision(long postmortemId, int revision);
}
