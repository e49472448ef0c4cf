package org.kintsugi.analysis.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.Parsing;
import org.kintsugi.shared.RefusedException;

/**
 * One person's own account of an incident: a narrative and entries of what they did, saw, expected and assumed, and
 * when. It is its writer's private draft until they share it. Its entries are part of it, so every change, to an
 * entry too, gives it a new version.
 */
@Entity
@Table(name = "personal_accounts")
class Account {

    static final int MAX_NARRATIVE = 100_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long postmortemId;
    private long authorId;
    private String authorName = "";
    private String narrative = "";

    @Enumerated(EnumType.STRING)
    private AccountStatus status = AccountStatus.DRAFT;

    private @Nullable Instant sharedAt;
    private Instant createdAt = Instant.EPOCH;
    private Instant updatedAt = Instant.EPOCH;

    @ElementCollection
    @CollectionTable(name = "personal_account_entries", joinColumns = @JoinColumn(name = "account_id"))
    @OrderBy("at asc, number asc")
    private List<AccountEntry> entries = new ArrayList<>();

    @Version
    private long version;

    protected Account() {}

    Account(long postmortemId, Author author, Instant now) {
        this.postmortemId = postmortemId;
        this.authorId = author.id();
        this.authorName = author.name();
        this.createdAt = now;
        this.updatedAt = now;
    }

    long postmortemId() {
        return postmortemId;
    }

    long version() {
        return version;
    }

    String authorName() {
        return authorName;
    }

    boolean writtenBy(long userId) {
        return authorId == userId;
    }

    boolean shared() {
        return status == AccountStatus.SHARED;
    }

    /** Return the problems with a narrative, naming its field. */
    static List<FieldProblem> problems(String narrative) {
        return narrative.length() > MAX_NARRATIVE
                ? List.of(new FieldProblem("narrative", "is longer than 100,000 characters"))
                : List.of();
    }

    /** Replace the narrative. */
    void write(String narrative, Instant now) {
        Parsing.check(problems(narrative));
        this.narrative = narrative;
        touch(now);
    }

    /** Return how many entries the account has. */
    int size() {
        return entries.size();
    }

    /** Add an entry, numbered after the highest so far, and keep the entries in time order. */
    AccountEntry add(EntryDraft draft, Instant now) {
        long number = entries.stream().mapToLong(AccountEntry::number).max().orElse(0) + 1;
        AccountEntry entry = AccountEntry.of(number, draft);
        entries.add(entry);
        sortEntries();
        touch(now);
        return entry;
    }

    AccountEntry revise(long entryId, EntryDraft draft, Instant now) {
        AccountEntry revised = AccountEntry.of(entry(entryId).number(), draft);
        entries.set(entries.indexOf(entry(entryId)), revised);
        sortEntries();
        touch(now);
        return revised;
    }

    void remove(long entryId, Instant now) {
        entries.remove(entry(entryId));
        touch(now);
    }

    /** Share the account with everyone who reads the postmortem; its entries go on the timeline. */
    void share(Instant now) {
        if (shared()) {
            throw RefusedException.state("This account is already shared.");
        }
        status = AccountStatus.SHARED;
        sharedAt = now;
        touch(now);
    }

    /** Take a shared account back to a private draft; its entries leave the timeline. */
    void unshare(Instant now) {
        if (!shared()) {
            throw RefusedException.state("This account is a draft already; only you can see it.");
        }
        status = AccountStatus.DRAFT;
        sharedAt = null;
        touch(now);
    }

    AccountView view() {
        return new AccountView(
                Objects.requireNonNull(id),
                postmortemId,
                authorId,
                authorName,
                narrative,
                status,
                entries.stream().map(AccountEntry::view).toList(),
                sharedAt,
                createdAt,
                updatedAt,
                version);
    }

    private AccountEntry entry(long entryId) {
        return entries.stream()
                .filter(e -> e.number() == entryId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("This account has no entry " + entryId + "."));
    }

    private void sortEntries() {
        entries.sort(Comparator.comparing(AccountEntry::at).thenComparingLong(AccountEntry::number));
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }
}
