package org.kintsugi.analysis.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Accounts extends JpaRepository<Account, Long> {

    Optional<Account> findByPostmortemIdAndAuthorId(long postmortemId, long authorId);

    List<Account> findByPostmortemIdAndStatusOrderBySharedAtAscIdAsc(long postmortemId, AccountStatus status);
}
