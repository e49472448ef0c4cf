package org.kintsugi.action;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review a postmortem's proposals after they have soaked: merge two into one, and, when too many are committed, choose
 * which matter most.
 */
@Service
@Transactional
public class ActionTriage {

    private final ActionItems items;
    private final ActionManagement actions;
    private final Clock clock;

    ActionTriage(ActionItems items, ActionManagement actions, Clock clock) {
        this.items = items;
        this.actions = actions;
        this.clock = clock;
    }

    /**
     * Merge one proposal into another: the kept item takes in the other's content and sub-steps, and the other is
     * dropped with a reason that points to the kept one.
     */
    public ActionView merge(long keepId, long mergeId, Author actor) {
        if (keepId == mergeId) {
            throw new InvalidInputException("mergeId", "choose two different proposals to merge");
        }
        ActionItem keep = load(keepId);
        ActionItem merged = load(mergeId);
        Instant now = clock.instant();
        record(keep, actor, keep.absorb(merged, now));
        for (ActionItem step : items.findByParentId(mergeId)) {
            step.moveUnder(keepId, now);
            record(step, actor, new ActionItem.Change("changed", "moved under item " + keepId));
        }
        record(merged, actor, merged.drop("merged into item " + keepId + ": " + keep.title(), now));
        actions.announceDrop(merged);
        items.flush();
        return actions.find(keepId);
    }

    /**
     * Keep the committed items that matter most as they are, and lower the rest of the postmortem's open items to P4
     * or drop them with the reason given.
     *
     * @param keep the ids of the items that matter most
     * @param dropOthers drop the others (with {@code reason}) rather than lowering them to P4
     * @return how many other items were lowered or dropped
     */
    public int focus(long postmortemId, Set<Long> keep, boolean dropOthers, String reason, Author actor) {
        if (keep.isEmpty()) {
            throw new InvalidInputException("keep", "choose at least one item that matters most");
        }
        if (dropOthers && reason.isBlank()) {
            throw new InvalidInputException("reason", "say why the other items are dropped, so nobody wonders later");
        }
        List<ActionItem> all = items.findByPostmortemIdOrderByIdAsc(postmortemId);
        if (!all.stream().map(ActionItem::id).toList().containsAll(keep)) {
            throw new InvalidInputException("keep", "names an item that is not on this postmortem");
        }
        Instant now = clock.instant();
        List<ActionItem> others = all.stream()
                .filter(i -> i.parentId() == null && !keep.contains(i.id()))
                .filter(i -> i.status() == ActionStatus.COMMITTED || i.status() == ActionStatus.IN_PROGRESS)
                .toList();
        for (ActionItem other : others) {
            record(
                    other,
                    actor,
                    dropOthers
                            ? other.drop("not among those that matter most: " + reason.strip(), now)
                            : other.prioritise(Priority.P4, now));
            if (dropOthers) {
                actions.announceDrop(other);
            }
        }
        for (ActionItem kept : all.stream().filter(i -> keep.contains(i.id())).toList()) {
            record(kept, actor, new ActionItem.Change("chosen", "among those that matter most"));
        }
        items.flush();
        return others.size();
    }

    private void record(ActionItem item, Author actor, ActionItem.Change change) {
        actions.record(item, actor, change);
    }

    private ActionItem load(long id) {
        return actions.load(id);
    }
}
