package org.kintsugi.identity.signin;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface SignInFailures extends JpaRepository<SignInFailure, Long> {

    /**
     * Lock the account with this email, if there is one, until the transaction ends: attempts on one account then
     * take their ids and commit one after another, so each one's count sees every attempt before it.
     */
    @Query(value = "select id from users where lower(email) = :email for update", nativeQuery = true)
    List<Long> lockAccount(String email);

    @Query("""
            select new org.kintsugi.identity.signin.FailureCount(count(f), max(f.failedAt)) from SignInFailure f
            where f.email = :email and f.id < :before and f.failedAt > :since and f.clearedAt is null
            and f.whileLocked = false""")
    FailureCount countForEmail(String email, long before, Instant since);

    @Query("""
            select new org.kintsugi.identity.signin.FailureCount(count(f), max(f.failedAt)) from SignInFailure f
            where f.clientAddress = :address and f.id < :before and f.failedAt > :since and f.clearedAt is null
            and f.whileLocked = false""")
    FailureCount countForAddress(String address, long before, Instant since);

    @Query("""
            select f.email from SignInFailure f
            where f.failedAt > :since and f.clearedAt is null and f.whileLocked = false
            group by f.email having count(f) >= :max and max(f.failedAt) > :lockedSince""")
    List<String> lockedEmails(Instant since, long max, Instant lockedSince);

    @Query("""
            select f.clientAddress from SignInFailure f
            where f.failedAt > :since and f.clearedAt is null and f.whileLocked = false
            group by f.clientAddress having count(f) >= :max and max(f.failedAt) > :lockedSince""")
    List<String> lockedAddresses(Instant since, long max, Instant lockedSince);

    List<SignInFailure> findAllByOrderByFailedAtDescIdDesc(Pageable page);

    @Modifying
    @Transactional
    @Query("update SignInFailure f set f.clearedAt = :at where f.email = :email and f.clearedAt is null")
    int clearEmail(String email, Instant at);

    @Modifying
    @Transactional
    @Query("update SignInFailure f set f.clearedAt = :at where f.clientAddress = :address and f.clearedAt is null")
    int clearAddress(String address, Instant at);

    @Modifying
    @Transactional
    @Query("update SignInFailure f set f.whileLocked = true where f.id = :id")
    int markWhileLocked(long id);

    @Modifying
    @Transactional
    @Query("delete from SignInFailure f where f.failedAt < :before")
    int deleteOlderThan(Instant before);

    @Query("select f.id from SignInFailure f order by f.id desc")
    List<Long> idsNewestFirst(Pageable page);

    @Modifying
    @Transactional
    @Query("delete from SignInFailure f where f.id <= :id")
    int deleteUpTo(long id);
}
