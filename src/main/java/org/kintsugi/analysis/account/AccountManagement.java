package org.kintsugi.analysis.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.AnalysisChanged;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemStatus;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.Limits;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.Parsing;
import org.kintsugi.shared.RefusedException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Write, share and read the personal accounts of a postmortem, one per person.
 *
 * <p>Who sees what: a draft is its writer's alone. To anyone else, administrators and the postmortem's owner
 * included, a draft does not exist: it is not listed and reading it is "not found", exactly like an account that was
 * never written. Sharing is the writer's choice only, and so is taking a shared account back to a draft.
 *
 * <p>A shared account is part of the postmortem (its entries are on the timeline), so sharing it, taking it back or
 * changing it follows the postmortem: only while the postmortem is a draft. A draft account can be written at any
 * time.
 */
@Service
@Transactional
public class AccountManagement {

    private final Accounts accounts;
    private final PostmortemManagement postmortems;
    private final Clock clock;
    private final Limits limits;
    private final ApplicationEventPublisher events;

    AccountManagement(
            Accounts accounts,
            PostmortemManagement postmortems,
            Clock clock,
            Limits limits,
            ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.postmortems = postmortems;
        this.clock = clock;
        this.limits = limits;
    }

    /** List the accounts this person may read: their own first, draft or shared, then the others' shared ones. */
    @Transactional(readOnly = true)
    public List<AccountView> list(long postmortemId, long viewerId) {
        postmortems.find(postmortemId);
        List<AccountView> visible = new ArrayList<>();
        mine(postmortemId, viewerId).ifPresent(visible::add);
        shared(postmortemId).stream().filter(a -> !a.writtenBy(viewerId)).forEach(visible::add);
        return visible;
    }

    /** Return the shared accounts of a postmortem, in the order they were shared. */
    @Transactional(readOnly = true)
    public List<AccountView> shared(long postmortemId) {
        return accounts.findByPostmortemIdAndStatusOrderBySharedAtAscIdAsc(postmortemId, AccountStatus.SHARED).stream()
                .map(Account::view)
                .toList();
    }

    /** Return the entries of the postmortem's shared accounts in time order, each with its reference. */
    @Transactional(readOnly = true)
    public List<SharedEntry> sharedEntries(long postmortemId) {
        return shared(postmortemId).stream()
                .flatMap(a -> a.entries().stream()
                        .map(e -> new SharedEntry(
                                a.id() + ":" + e.id(), a.id(), e.id(), a.authorName(), e.at(), e.kind(), e.text())))
                .sorted(java.util.Comparator.comparing(SharedEntry::at).thenComparing(SharedEntry::ref))
                .toList();
    }

    /** Return this person's own account of the postmortem, if they started one. */
    @Transactional(readOnly = true)
    public Optional<AccountView> mine(long postmortemId, long viewerId) {
        return accounts.findByPostmortemIdAndAuthorId(postmortemId, viewerId).map(Account::view);
    }

    /** Return an account this person may read: their own, or a shared one; any other is not found. */
    @Transactional(readOnly = true)
    public AccountView find(long postmortemId, long accountId, long viewerId) {
        return visible(postmortemId, accountId, viewerId).view();
    }

    /** Start this person's account with a narrative and entries; refused when they have one already. */
    public AccountView start(long postmortemId, Author author, String narrative, List<EntryDraft> entries) {
        postmortems.find(postmortemId);
        List<FieldProblem> problems = new ArrayList<>(Account.problems(narrative));
        for (int i = 0; i < entries.size(); i++) {
            String prefix = "entries[" + i + "].";
            entries.get(i).problems().forEach(p -> problems.add(new FieldProblem(prefix + p.field(), p.message())));
        }
        Parsing.check(problems);
        room(0, entries.size());
        Optional<Account> existing = accounts.findByPostmortemIdAndAuthorId(postmortemId, author.id());
        if (existing.isPresent()) {
            throw RefusedException.state("You already have an account of this postmortem (account "
                    + existing.get().view().id() + "); change that one.");
        }
        Account account = new Account(postmortemId, author, clock.instant());
        account.write(narrative, clock.instant());
        entries.forEach(entry -> account.add(entry, clock.instant()));
        return accounts.saveAndFlush(account).view();
    }

    /** Replace the narrative, refusing when the account changed since {@code expectedVersion}. */
    public AccountView write(
            long postmortemId, long accountId, Author author, @Nullable Long expectedVersion, String narrative) {
        Account account = writable(postmortemId, accountId, author, expectedVersion);
        account.write(narrative, clock.instant());
        return accounts.saveAndFlush(account).view();
    }

    /** Add an entry. */
    public EntrySaved addEntry(
            long postmortemId, long accountId, Author author, @Nullable Long expectedVersion, EntryDraft entry) {
        Parsing.check(entry.problems());
        Account account = writable(postmortemId, accountId, author, expectedVersion);
        room(account.size(), 1);
        AccountEntry added = account.add(entry, clock.instant());
        return new EntrySaved(accounts.saveAndFlush(account).view(), added.view());
    }

    /** Change an entry. */
    public EntrySaved reviseEntry(
            long postmortemId,
            long accountId,
            long entryId,
            Author author,
            @Nullable Long expectedVersion,
            EntryDraft entry) {
        Parsing.check(entry.problems());
        Account account = writable(postmortemId, accountId, author, expectedVersion);
        AccountEntry revised = account.revise(entryId, entry, clock.instant());
        return new EntrySaved(accounts.saveAndFlush(account).view(), revised.view());
    }

    /** Remove an entry. */
    public AccountView removeEntry(
            long postmortemId, long accountId, long entryId, Author author, @Nullable Long expectedVersion) {
        Account account = writable(postmortemId, accountId, author, expectedVersion);
        account.remove(entryId, clock.instant());
        return accounts.saveAndFlush(account).view();
    }

    /** Share the account with everyone who reads the postmortem; its entries go on the timeline. */
    public AccountView share(long postmortemId, long accountId, Author author, @Nullable Long expectedVersion) {
        Account account = own(postmortemId, accountId, author, expectedVersion);
        requireDraftPostmortem(postmortemId, "shared");
        account.share(clock.instant());
        return accounts.saveAndFlush(account).view();
    }

    /** Take a shared account back to a private draft; its entries leave the timeline. */
    public AccountView unshare(long postmortemId, long accountId, Author author, @Nullable Long expectedVersion) {
        Account account = own(postmortemId, accountId, author, expectedVersion);
        requireDraftPostmortem(postmortemId, "taken back");
        account.unshare(clock.instant());
        return accounts.saveAndFlush(account).view();
    }

    /** Delete a draft account; a shared one must be taken back to a draft first. */
    public void delete(long postmortemId, long accountId, Author author) {
        Account account = own(postmortemId, accountId, author, null);
        if (account.shared()) {
            throw RefusedException.state("A shared account cannot be deleted; take it back to a draft first.");
        }
        accounts.delete(account);
        accounts.flush();
    }

    /** Refuse when adding entries to an account that has {@code held} would pass the limit on one account. */
    private void room(int held, int adding) {
        int max = limits.accountEntries();
        if (held + adding > max) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.FULL,
                    "entries",
                    "account-entries",
                    max,
                    (held == 0
                                    ? LimitExceededException.count(adding) + " entries are"
                                    : "The account has " + LimitExceededException.count(held) + " entries; one more is")
                            + " more than one account may have");
        }
    }

    private Account visible(long postmortemId, long accountId, long viewerId) {
        return accounts.findById(accountId)
                .filter(a -> a.postmortemId() == postmortemId)
                .filter(a -> a.writtenBy(viewerId) || a.shared())
                .orElseThrow(() ->
                        new NotFoundException("Postmortem " + postmortemId + " has no account " + accountId + "."));
    }

    private Account own(long postmortemId, long accountId, Author author, @Nullable Long expectedVersion) {
        Account account = visible(postmortemId, accountId, author.id());
        if (!account.writtenBy(author.id())) {
            throw RefusedException.person("Only " + account.authorName() + " can change their account.");
        }
        if (expectedVersion != null && account.version() != expectedVersion) {
            throw new StaleVersionException("The account", expectedVersion, account.version());
        }
        // Every change of one's own account passes here; if it fails, the event goes with the rolled-back transaction.
        events.publishEvent(new AnalysisChanged(postmortemId));
        return account;
    }

    private Account writable(long postmortemId, long accountId, Author author, @Nullable Long expectedVersion) {
        Account account = own(postmortemId, accountId, author, expectedVersion);
        if (account.shared()) {
            requireDraftPostmortem(postmortemId, "changed");
        }
        return account;
    }

    private void requireDraftPostmortem(long postmortemId, String what) {
        PostmortemView postmortem = postmortems.find(postmortemId);
        if (postmortem.status() != PostmortemStatus.DRAFT) {
            throw RefusedException.state(
                    "The postmortem is " + postmortem.status().label().toLowerCase()
                            + ", and a shared account is part of it: it can be " + what
                            + " only while the postmortem is a draft.");
        }
    }
}
