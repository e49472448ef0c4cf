package org.kintsugi.action;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Which action items a list shows; every part is optional. */
public record ActionFilter(
        @Nullable Long ownerId,
        @Nullable String team,
        @Nullable ActionStatus status,
        boolean overdue,
        @Nullable LocalDate dueFrom,
        @Nullable LocalDate dueTo,
        boolean openOnly) {

    public ActionFilter(
            @Nullable Long ownerId,
            @Nullable String team,
            @Nullable ActionStatus status,
            boolean overdue,
            @Nullable LocalDate dueFrom,
            @Nullable LocalDate dueTo) {
        this(ownerId, team, status, overdue, dueFrom, dueTo, false);
    }

    /** Return a filter that lists every item. */
    public static ActionFilter everything() {
        return new ActionFilter(null, null, null, false, null, null);
    }

    /** Return this filter narrowed to the items still open (proposed, committed, in progress…). */
    public ActionFilter open() {
        return new ActionFilter(ownerId, team, status, overdue, dueFrom, dueTo, true);
    }

    /** Return this filter for everyone's items, not one owner's. */
    public ActionFilter anyOwner() {
        return new ActionFilter(null, team, status, overdue, dueFrom, dueTo, openOnly);
    }
}
