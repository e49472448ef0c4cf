package org.kintsugi.identity.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Count failed sign-ins per email and per client address in the database, so every node sharing it sees the same
 * counts; lock an email or an address for a while once it has too many, and let administrators see and lift locks.
 */
@Service
@Transactional
public class SignInThrottle {

    static final int EMAIL_LENGTH = 320;
    static final int ADDRESS_LENGTH = 64;

    private final SignInFailures failures;
    private final SignInPolicy policy;
    private final Clock clock;

    SignInThrottle(SignInFailures failures, SignInPolicy policy, Clock clock) {
        this.failures = failures;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Count a sign-in attempt as failed until it proves otherwise, and return its id. Counting before the password is
     * checked means attempts sent at once cannot all slip in under the limit: each sees the ones before it. Attempts on
     * one account queue on its row, so their order of ids is their order of commits and no count misses one still
     * being written. (Attempts on an email no one has are not queued: no password can be right for them.)
     */
    public long attempt(String email, String address) {
        failures.lockAccount(email(email));
        return failures.save(new SignInFailure(email(email), address(address), clock.instant(), false))
                .id();
    }

    /**
     * Return the lock that held for this email or address when the attempt came, if any; a refused attempt is still
     * listed, but does not lengthen the lock.
     */
    public Optional<SignInLockedException> lockOn(long attempt, String email, String address) {
        Instant now = clock.instant();
        Instant since = now.minus(policy.window());
        Instant account =
                lockedUntil(failures.countForEmail(email(email), attempt, since), policy.maxFailuresPerAccount());
        Instant client =
                lockedUntil(failures.countForAddress(address(address), attempt, since), policy.maxFailuresPerAddress());
        Instant until = account.isAfter(client) ? account : client;
        if (!until.isAfter(now)) {
            return Optional.empty();
        }
        failures.markWhileLocked(attempt);
        int limit = account.isAfter(now) ? policy.maxFailuresPerAccount() : policy.maxFailuresPerAddress();
        return Optional.of(new SignInLockedException(until, limit, policy.window()));
    }

    /** Record a failed sign-in straight away (as if its password had been checked and found wrong). */
    void failed(String email, String address, boolean whileLocked) {
        failures.save(new SignInFailure(email(email), address(address), clock.instant(), whileLocked));
    }

    /**
     * Take back the attempt and forget the email's earlier failures once its owner has signed in. Sign-ins of one
     * account that succeed at once queue on its row first: each clears the others' attempts too, and without the queue
     * two of them took the same rows in opposite order and one was rolled back as a deadlock (a 500 to its client).
     */
    public void succeeded(long attempt, String email) {
        failures.lockAccount(email(email));
        failures.deleteById(attempt);
        failures.clearEmail(email(email), clock.instant());
    }

    /** Return the latest failures, newest first, each saying whether its email or address is locked now. */
    @Transactional(readOnly = true)
    public List<FailedSignIn> recent(int limit) {
        Instant now = clock.instant();
        Instant since = now.minus(policy.window());
        Instant lockedSince = now.minus(policy.lockDuration());
        Set<String> emails = new HashSet<>(failures.lockedEmails(since, policy.maxFailuresPerAccount(), lockedSince));
        Set<String> addresses =
                new HashSet<>(failures.lockedAddresses(since, policy.maxFailuresPerAddress(), lockedSince));
        return failures.findAllByOrderByFailedAtDescIdDesc(PageRequest.of(0, limit)).stream()
                .map(f -> new FailedSignIn(
                        f.email(),
                        f.clientAddress(),
                        f.failedAt(),
                        f.whileLocked(),
                        emails.contains(f.email()) || addresses.contains(f.clientAddress())))
                .toList();
    }

    /** Lift the lock on an email, on a client address, or on both; return how many failures were set aside. */
    public int lift(@Nullable String email, @Nullable String address) {
        if (blank(email) && blank(address)) {
            throw new InvalidInputException(List.of(
                    new FieldProblem("email", "or address is required: say whose lock to lift"),
                    new FieldProblem("address", "or email is required: say whose lock to lift")));
        }
        Instant now = clock.instant();
        int lifted = email == null || blank(email) ? 0 : failures.clearEmail(email(email), now);
        return lifted + (address == null || blank(address) ? 0 : failures.clearAddress(address(address), now));
    }

    /** Delete failures older than the policy keeps them, and the oldest beyond the most it keeps. */
    public int prune() {
        int deleted = failures.deleteOlderThan(clock.instant().minus(policy.keep()));
        List<Long> oldestKept = failures.idsNewestFirst(PageRequest.of(policy.maxKept(), 1));
        if (!oldestKept.isEmpty()) {
            deleted += failures.deleteUpTo(oldestKept.getFirst());
        }
        return deleted;
    }

    private Instant lockedUntil(FailureCount count, int max) {
        if (count.count() < max || count.latest() == null) {
            return Instant.EPOCH;
        }
        return count.latest().plus(policy.lockDuration());
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    static String email(String email) {
        String normal = email.strip().toLowerCase(Locale.ROOT);
        return normal.length() > EMAIL_LENGTH ? normal.substring(0, EMAIL_LENGTH) : normal;
    }

    static String address(String address) {
        return address.length() > ADDRESS_LENGTH ? address.substring(0, ADDRESS_LENGTH) : address;
    }
}
