package org.kintsugi.incident;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface Incidents extends JpaRepository<Incident, Long>, JpaSpecificationExecutor<Incident> {

    @Query("select distinct s from Incident i join i.services s order by s")
    List<String> distinctServices();

    @Query("select distinct t from Incident i join i.teams t order by t")
    List<String> distinctTeams();

    /** Return the criteria of a filter; paging and sorting are applied by the caller. */
    static Specification<Incident> matching(IncidentFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (!filter.statuses().isEmpty()) {
                where.add(root.get("status").in(filter.statuses()));
            }
            if (!filter.severities().isEmpty()) {
                where.add(root.get("severity").in(filter.severities()));
            }
            if (!filter.kinds().isEmpty()) {
                where.add(root.get("kind").in(filter.kinds()));
            }
            if (filter.service() != null && !filter.service().isBlank()) {
                where.add(cb.equal(cb.lower(root.join("services")), lower(filter.service())));
            }
            if (filter.team() != null && !filter.team().isBlank()) {
                where.add(cb.equal(cb.lower(root.join("teams")), lower(filter.team())));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("startedAt"), filter.from()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("startedAt"), filter.to()));
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                String pattern = "%"
                        + lower(filter.text())
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%";
                where.add(cb.or(
                        cb.like(cb.lower(root.get("title")), pattern, '\\'),
                        cb.like(cb.lower(root.get("summary")), pattern, '\\')));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static String lower(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
