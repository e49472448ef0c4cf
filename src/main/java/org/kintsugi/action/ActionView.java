package org.kintsugi.action;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An action item as readers see it.
 *
 * @param soakedAt when the proposal may be committed by anyone
 * @param progress the roll-up of its sub-steps
 */
public record ActionView(
        long id,
        long postmortemId,
        @Nullable Long parentId,
        @Nullable Long followUpOf,
        String title,
        String description,
        Person owner,
        LocalDate dueDate,
        Priority priority,
        ActionType type,
        String verification,
        ActionStatus status,
        Instant proposedAt,
        String proposedBy,
        Instant soakedAt,
        @Nullable Instant committedAt,
        @Nullable String earlyCommitReason,
        @Nullable Instant doneAt,
        @Nullable LocalDate verifyBy,
        @Nullable Instant verifiedAt,
        @Nullable String evidence,
        @Nullable String dropReason,
        Progress progress,
        Instant updatedAt,
        long version) {

    /** The one person who owns an item. */
    public record Person(long id, String name) {}

    /** Return whether the item is still open and its due date has passed on this day. */
    public boolean overdueOn(LocalDate today) {
        return status.open() && today.isAfter(dueDate);
    }
}
