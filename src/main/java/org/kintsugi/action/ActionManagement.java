package org.kintsugi.action;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.settings.ActionSettings;
import org.kintsugi.action.settings.ActionSettingsStore;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.Limits;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Propose, commit, work on, complete, verify and drop action items; every change lands in the item's history, and
 * commitments, completions, verifications and drops are published as events for other modules.
 */
@Service
@Transactional
public class ActionManagement {

    /** The most items one page of a list holds. */
    public static final int MAX_PAGE_SIZE = 100;

    private final ActionItems items;
    private final ActionChanges changes;
    private final ActionSettingsStore settings;
    private final ActionNotices notices;
    private final ActionListing listing;
    private final PostmortemManagement postmortems;
    private final UserManagement users;
    private final Limits limits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActionManagement(
            ActionItems items,
            ActionChanges changes,
            ActionSettingsStore settings,
            ActionNotices notices,
            ActionListing listing,
            PostmortemManagement postmortems,
            UserManagement users,
            Clock clock,
            Limits limits,
            ApplicationEventPublisher events) {
        this.limits = limits;
        this.events = events;
        this.items = items;
        this.changes = changes;
        this.settings = settings;
        this.notices = notices;
        this.listing = listing;
        this.postmortems = postmortems;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Propose an action item for a postmortem, or a sub-step of another item when {@code parentId} is given.
     *
     * @param team a team named instead of an owner, which is refused with the reason
     */
    public ActionView propose(
            long postmortemId,
            @Nullable Long parentId,
            ActionDetails details,
            @Nullable Long ownerId,
            @Nullable String team,
            Author actor) {
        postmortems.find(postmortemId);
        if (parentId != null) {
            ActionItem parent = load(parentId);
            if (parent.postmortemId() != postmortemId) {
                throw new InvalidInputException("parentId", "belongs to another postmortem");
            }
        }
        ActionItem.Owner owner = checked(details, ownerId, team);
        long held = items.countByPostmortemId(postmortemId);
        if (held >= limits.actionItems()) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.FULL,
                    "title",
                    "action-items",
                    limits.actionItems(),
                    "The postmortem has " + LimitExceededException.count(held)
                            + " action items; one more is more than one postmortem may have");
        }
        Instant now = clock.instant();
        ActionItem item = items.saveAndFlush(new ActionItem(postmortemId, parentId, details, owner, actor.name(), now));
        record(item, actor, new ActionItem.Change("proposed", details.title().strip()));
        noticeAssignment(item, actor);
        return view(item);
    }

    /** Propose a new item that follows up on one that did not work. */
    public ActionView followUp(long itemId, ActionDetails details, @Nullable Long ownerId, Author actor) {
        ActionItem original = load(itemId);
        ActionView proposed = propose(original.postmortemId(), null, details, ownerId, null, actor);
        ActionItem followUp = load(proposed.id());
        followUp.followUpOf(itemId);
        record(original, actor, new ActionItem.Change("followed up", "by item " + proposed.id()));
        items.flush();
        return view(followUp);
    }

    /** Change an item's details, refusing when someone else changed it since {@code expectedVersion}. */
    public ActionView revise(
            long id, long expectedVersion, ActionDetails details, @Nullable Long ownerId, Author actor) {
        ActionItem item = load(id);
        if (item.version() != expectedVersion) {
            throw new StaleVersionException("The action item", expectedVersion, item.version());
        }
        ActionItem.Owner owner = checked(details, ownerId, null);
        long previousOwner = item.ownerId();
        item.revise(details, owner, clock.instant());
        record(item, actor, new ActionItem.Change("changed", details.title()));
        if (previousOwner != owner.id()) {
            noticeAssignment(item, actor);
        }
        return saved(item);
    }

    /** Commit a proposal; before its soak time ends only the postmortem's owner may, with a reason. */
    public ActionView commit(long id, Author actor, @Nullable String reason) {
        ActionItem item = load(id);
        PostmortemView postmortem = postmortems.find(item.postmortemId());
        boolean owner = postmortem.owner().id() == actor.id();
        ActionView committed = apply(item, actor, item.commit(clock.instant(), soak(), owner, reason));
        events.publishEvent(item.committed(postmortem.incidentId()));
        return committed;
    }

    /** Start work on a committed item. */
    public ActionView start(long id, Author actor) {
        ActionItem item = load(id);
        return apply(item, actor, item.start(clock.instant()));
    }

    /** Mark an item done; it is due for verification after the configured number of days. */
    public ActionView complete(long id, Author actor) {
        ActionItem item = load(id);
        ActionView done =
                apply(item, actor, item.complete(clock.instant(), current().verifyAfterDays()));
        events.publishEvent(item.completed(incidentOf(item)));
        return done;
    }

    /** Record whether a done item worked, with the evidence. */
    public ActionView verify(long id, boolean effective, String evidence, Author actor) {
        ActionItem item = load(id);
        ActionView verified = apply(item, actor, item.verify(effective, evidence, clock.instant()));
        events.publishEvent(item.verified(incidentOf(item)));
        return verified;
    }

    /** Take a done or ineffective item back into work. */
    public ActionView reopen(long id, Author actor) {
        ActionItem item = load(id);
        return apply(item, actor, item.reopen(clock.instant()));
    }

    /** Drop an open item, saying why. */
    public ActionView drop(long id, String reason, Author actor) {
        ActionItem item = load(id);
        ActionView dropped = apply(item, actor, item.drop(reason, clock.instant()));
        announceDrop(item);
        return dropped;
    }

    /** Tell other modules that an item was dropped, here or while triaging. */
    void announceDrop(ActionItem item) {
        events.publishEvent(item.dropped(incidentOf(item)));
    }

    private long incidentOf(ActionItem item) {
        return postmortems.find(item.postmortemId()).incidentId();
    }

    /** Write something that happened to an item into its history without changing it, such as a ticket closing. */
    public void note(long id, Author actor, String what, String detail) {
        record(load(id), actor, new ActionItem.Change(what, detail));
    }

    /** Return one item. */
    @Transactional(readOnly = true)
    public ActionView find(long id) {
        return view(load(id));
    }

    /** Return an item's history, oldest first. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long id) {
        load(id);
        return changes.findByActionIdOrderByAtAscIdAsc(id).stream()
                .map(ActionChange::view)
                .toList();
    }

    /** Return a postmortem's items, each followed by its sub-steps. */
    @Transactional(readOnly = true)
    public List<ActionView> forPostmortem(long postmortemId) {
        List<ActionItem> all = items.findByPostmortemIdOrderByIdAsc(postmortemId);
        Map<Long, Progress> progress = progress(all);
        Duration soak = soak();
        List<ActionView> ordered = new ArrayList<>();
        for (ActionItem top : all.stream().filter(i -> i.parentId() == null).toList()) {
            ordered.add(top.view(soak, progress.getOrDefault(top.id(), Progress.NONE)));
            all.stream()
                    .filter(i -> Long.valueOf(top.id()).equals(i.parentId()))
                    .forEach(sub -> ordered.add(sub.view(soak, Progress.NONE)));
        }
        return ordered;
    }

    /** Return a page of the items matching the filter, soonest due first. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Page<ActionView> list(ActionFilter filter, int page, int size) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Long> teamPostmortems =
                filter.team() == null || filter.team().isBlank() ? null : postmortems.idsWithTeam(filter.team());
        return listing.list(filter, today, teamPostmortems, Math.max(0, page), Math.clamp(size, 1, MAX_PAGE_SIZE));
    }

    /** Return how many committed items make a postmortem's list long enough to ask which matter most. */
    @Transactional(readOnly = true)
    public int commitThreshold() {
        return current().commitThreshold();
    }

    /** Tell the new owner in their next digest, unless they gave the item to themselves. */
    private void noticeAssignment(ActionItem item, Author actor) {
        if (item.ownerId() != actor.id()) {
            notices.save(new ActionNotice(item.ownerId(), item.id(), ActionNotice.ASSIGNED, clock.instant()));
        }
    }

    private ActionItem.Owner checked(ActionDetails details, @Nullable Long ownerId, @Nullable String team) {
        List<FieldProblem> problems = new ArrayList<>(ActionRules.problems(details, clock.instant()));
        ActionItem.Owner owner = null;
        if (ownerId == null) {
            problems.add(new FieldProblem(
                    "ownerId",
                    team != null && !team.isBlank()
                            ? "a team cannot own an action item: name the one person who will see it through (when a whole"
                                    + " team owns something, nobody does)"
                            : "is required: name the one person who will see it through"));
        } else {
            owner = owner(ownerId, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return owner;
    }

    private ActionItem.Owner owner(long ownerId, List<FieldProblem> problems) {
        try {
            UserView user = users.find(ownerId);
            if (!user.active()) {
                problems.add(new FieldProblem("ownerId", user.displayName() + " is deactivated"));
            }
            return new ActionItem.Owner(user.id(), user.displayName());
        } catch (NotFoundException e) {
            problems.add(new FieldProblem("ownerId", "is not a person in Kintsugi"));
            return new ActionItem.Owner(ownerId, "");
        }
    }

    private Map<Long, Progress> progress(List<ActionItem> all) {
        return all.stream()
                .filter(i -> i.parentId() != null)
                .collect(Collectors.groupingBy(ActionItem::parentId))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> progressOf(e.getValue())));
    }

    private static Progress progressOf(List<ActionItem> steps) {
        List<ActionItem> counted =
                steps.stream().filter(s -> s.status() != ActionStatus.DROPPED).toList();
        int done = (int) counted.stream()
                .filter(s -> s.status() == ActionStatus.DONE || s.status() == ActionStatus.VERIFIED)
                .count();
        return new Progress(done, counted.size());
    }

    private ActionView apply(ActionItem item, Author actor, ActionItem.Change change) {
        record(item, actor, change);
        return saved(item);
    }

    /** Write a change into the item's history and announce it; every change of an item passes here. */
    void record(ActionItem item, Author actor, ActionItem.Change change) {
        changes.save(new ActionChange(item.id(), clock.instant(), actor.name(), change));
        events.publishEvent(new ActionItemChanged(item.id(), item.postmortemId()));
    }

    private ActionView saved(ActionItem item) {
        items.flush();
        return view(item);
    }

    private ActionView view(ActionItem item) {
        Progress progress = progressOf(items.findByParentId(item.id()));
        return item.view(soak(), progress);
    }

    private Duration soak() {
        return current().soak();
    }

    private ActionSettings current() {
        return settings.findById(1).orElseThrow();
    }

    ActionItem load(long id) {
        return items.findById(id).orElseThrow(() -> new NotFoundException("There is no action item " + id + "."));
    }
}
