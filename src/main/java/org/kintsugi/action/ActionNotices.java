package org.kintsugi.action;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActionNotices extends JpaRepository<ActionNotice, Long> {

    List<ActionNotice> findBySentAtIsNullOrderByIdAsc();

    List<ActionNotice> findByPersonIdAndSentAtIsNull(long personId);
}
