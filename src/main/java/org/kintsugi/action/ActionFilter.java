package org.kintsugi.action;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.domain.Specification;

/** Which action items a list shows; every part is optional. */
public record ActionFilter(
        @Nullable Long ownerId,
        @Nullable ActionStatus status,
        boolean overdue,
        @Nullable LocalDate dueFrom,
        @Nullable LocalDate dueTo) {

    Specification<ActionItem> specification(LocalDate today) {
        Specification<ActionItem> spec = (root, query, cb) -> cb.conjunction();
        if (ownerId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("ownerId"), ownerId));
        }
        if (status != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
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
