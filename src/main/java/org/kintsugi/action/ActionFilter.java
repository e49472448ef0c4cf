package org.kintsugi.action;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.domain.Specification;

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

    /** @param teamPostmortems the postmortems of the filter's team, when it names one */
    Specification<ActionItem> specification(LocalDate today, @Nullable List<Long> teamPostmortems) {
        Specification<ActionItem> spec = (root, query, cb) -> cb.conjunction();
        if (teamPostmortems != null) {
            spec = spec.and((root, query, cb) -> teamPostmortems.isEmpty()
                    ? cb.disjunction()
                    : root.get("postmortemId").in(teamPostmortems));
        }
        if (ownerId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("ownerId"), ownerId));
        }
        if (status != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (openOnly) {
            List<ActionStatus> open = Arrays.stream(ActionStatus.values())
                    .filter(ActionStatus::open)
                    .toList();
            spec = spec.and((root, query, cb) -> root.get("status").in(open));
        }
        if (overdue) {
            spec = spec.and((root, query, cb) -> cb.and(
                    root.get("status").in(ActionStatus.PROPOSED, ActionStatus.COMMITTED, ActionStatus.IN_PROGRESS),
                    cb.lessThan(root.get("dueDate"), today)));
        }
        if (dueFrom != null) {
            spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("dueDate"), dueFrom));
        }
        if (dueTo != null) {
            spec = spec.and((root, query, cb) -> cb.lessThanOrEqualTo(root.get("dueDate"), dueTo));
        }
        return spec;
    }
}
