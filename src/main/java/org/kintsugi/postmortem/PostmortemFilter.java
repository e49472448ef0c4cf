package org.kintsugi.postmortem;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.Severity;
import org.springframework.data.jpa.domain.Specification;

/**
 * Which postmortems a list shows.
 *
 * @param due {@code overdue} (past due and not published), {@code due} (has a due date and not published) or null
 */
public record PostmortemFilter(
        @Nullable PostmortemStatus status,
        @Nullable String due,
        @Nullable Severity severity,
        @Nullable String team,
        int page,
        int size) {

    Specification<Postmortem> specification(Instant now) {
        Specification<Postmortem> spec = (root, query, cb) -> cb.conjunction();
        if (status != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (severity != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("severity"), severity));
        }
        if (team != null && !team.isBlank()) {
            String like = "%|" + team.strip().replace("%", "").replace("_", "") + "|%";
            spec = spec.and((root, query, cb) -> cb.like(cb.lower(root.get("teams")), like.toLowerCase()));
        }
        if ("due".equals(due) || "overdue".equals(due)) {
            spec = spec.and((root, query, cb) -> cb.and(
                    cb.isNotNull(root.get("dueAt")),
                    cb.isNull(root.get("publishedAt")),
                    cb.notEqual(root.get("status"), PostmortemStatus.PUBLISHED)));
        }
        if ("overdue".equals(due)) {
            spec = spec.and((root, query, cb) -> cb.lessThan(root.get("dueAt"), now));
        }
        return spec;
    }
}
