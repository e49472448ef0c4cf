package org.kintsugi.action.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionStatus;

/**
 * What one top-level action item did in a month, found by replaying its history up to the month's end rather than
 * reading its current columns: a reopened item no longer shows when it was done, and one done since the month ended
 * was still open at its end.
 *
 * @param toDone from proposal to the last time it was done in the month; {@code null} when it was not done in it
 */
record ItemMonth(
        boolean opened,
        boolean committed,
        boolean done,
        boolean verifiedEffective,
        boolean notEffective,
        boolean dropped,
        boolean openAtEnd,
        boolean overdueAtEnd,
        @Nullable Duration toDone) {

    /** An action item as the report reads it. */
    record Item(long id, Instant proposedAt, LocalDate dueDate, List<String> teams) {}

    /** One entry of an item's history. */
    record Change(long actionId, Instant at, String what) {}

    /** The status each kind of history entry leaves an item in; other entries (changed, followed up) leave it be. */
    static final Map<String, ActionStatus> LEAVES = Map.of(
            "proposed", ActionStatus.PROPOSED,
            "committed", ActionStatus.COMMITTED,
            "started", ActionStatus.IN_PROGRESS,
            "done", ActionStatus.DONE,
            "verified effective", ActionStatus.VERIFIED,
            "verified not effective", ActionStatus.NOT_EFFECTIVE,
            "reopened", ActionStatus.IN_PROGRESS,
            "dropped", ActionStatus.DROPPED);

    /**
     * Replay an item's history.
     *
     * @param history the item's entries before {@code to}, oldest first
     * @param nextMonth the first day after the month: an item due before it and open at {@code to} is overdue
     */
    static ItemMonth of(Item item, List<Change> history, Instant from, Instant to, LocalDate nextMonth) {
        ActionStatus status = ActionStatus.PROPOSED;
        boolean committed = false, done = false, effective = false, notEffective = false, dropped = false;
        Instant lastDone = null;
        for (Change change : history) {
            ActionStatus next = LEAVES.get(change.what());
            if (next == null) {
                continue;
            }
            status = next;
            if (change.at().isBefore(from)) {
                continue;
            }
            switch (change.what()) {
                case "committed" -> committed = true;
                case "done" -> {
                    done = true;
                    lastDone = change.at();
                }
                case "verified effective" -> effective = true;
                case "verified not effective" -> notEffective = true;
                case "dropped" -> dropped = true;
                default -> {}
            }
        }
        boolean opened = !item.proposedAt().isBefore(from) && item.proposedAt().isBefore(to);
        boolean open = status.open();
        return new ItemMonth(
                opened,
                committed,
                done,
                effective,
                notEffective,
                dropped,
                open,
                open && item.dueDate().isBefore(nextMonth),
                lastDone == null ? null : Duration.between(item.proposedAt(), lastDone));
    }
}
