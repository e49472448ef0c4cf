package org.kintsugi.action;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read a page of action items with plain SQL: one statement for the rows, one for the roll-up of their sub-steps, and
 * a count only when the page does not show every match. Loading the same rows as entities cost more than anything
 * else the list does; writes still go through {@link ActionItem}.
 */
@Component
class ActionListing {

    private final JdbcClient jdbc;

    ActionListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Return a page of the items matching the filter, soonest due first.
     *
     * @param teamPostmortems the postmortems of the filter's team, when it names one
     */
    Page<ActionView> list(
            ActionFilter filter, LocalDate today, @Nullable List<Long> teamPostmortems, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, today, teamPostmortems, params);
        long offset = (long) page * size;
        Duration soak = soak();
        // The order of ix_action_items_due_date, so a first page is read from the front of the index.
        List<ActionView> rows = jdbc.sql("select " + COLUMNS + " from action_items a" + where
                        + " order by a.due_date, a.id offset " + offset + " rows fetch next " + size + " rows only")
                .params(params)
                .query((rs, n) -> row(rs, soak))
                .list();
        long total = rows.size() < size && (rows.size() > 0 || offset == 0)
                ? offset + rows.size()
                : jdbc.sql("select count(*) from action_items a" + where)
                        .params(params)
                        .query(Long.class)
                        .single();
        return new PageImpl<>(withProgress(rows), PageRequest.of(page, size), total);
    }

    private static final String COLUMNS = """
            a.id, a.postmortem_id, a.parent_id, a.follow_up_of, a.title, a.description, a.owner_id, a.owner_name,
            a.due_date, a.priority, a.action_type, a.verification, a.status, a.proposed_at, a.proposed_by,
            a.committed_at, a.early_commit_reason, a.done_at, a.verify_by, a.verified_at, a.evidence, a.drop_reason,
            a.updated_at, a.version""";

    private static String where(
            ActionFilter filter, LocalDate today, @Nullable List<Long> teamPostmortems, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        if (teamPostmortems != null) {
            if (teamPostmortems.isEmpty()) {
                where.add("1 = 0");
            } else {
                where.add("a.postmortem_id in (:postmortems)");
                params.put("postmortems", teamPostmortems);
            }
        }
        if (filter.ownerId() != null) {
            where.add("a.owner_id = :owner");
            params.put("owner", filter.ownerId());
        }
        if (filter.status() != null) {
            where.add("a.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.openOnly()) {
            where.add("a.status in (:open)");
            params.put(
                    "open",
                    Arrays.stream(ActionStatus.values())
                            .filter(ActionStatus::open)
                            .map(Enum::name)
                            .toList());
        }
        if (filter.overdue()) {
            where.add("a.status in (:late) and a.due_date < :today");
            params.put(
                    "late",
                    List.of(
                            ActionStatus.PROPOSED.name(),
                            ActionStatus.COMMITTED.name(),
                            ActionStatus.IN_PROGRESS.name()));
            params.put("today", today);
        }
        if (filter.dueFrom() != null) {
            where.add("a.due_date >= :dueFrom");
            params.put("dueFrom", filter.dueFrom());
        }
        if (filter.dueTo() != null) {
            where.add("a.due_date <= :dueTo");
            params.put("dueTo", filter.dueTo());
        }
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    /** How long a proposal soaks before anyone may commit it, as the settings say now. */
    private Duration soak() {
        return Duration.ofHours(jdbc.sql("select soak_hours from action_settings where id = 1")
                .query(Integer.class)
                .single());
    }

    /** Give each item the roll-up of its sub-steps, read for the whole page in one grouped statement. */
    private List<ActionView> withProgress(List<ActionView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Progress> progress = new HashMap<>();
        // Dropped steps do not count; done and verified ones count as done (as ActionManagement's own roll-up).
        jdbc.sql("""
                        select parent_id,
                               sum(case when status in ('DONE', 'VERIFIED') then 1 else 0 end) as done,
                               count(*) as steps
                        from action_items where parent_id in (:ids) and status <> 'DROPPED' group by parent_id""").param("ids", rows.stream().map(ActionView::id).toList()).query(rs -> {
            progress.put(rs.getLong("parent_id"), new Progress(rs.getInt("done"), rs.getInt("steps")));
        });
        return rows.stream()
                .map(r -> progress.containsKey(r.id()) ? withProgress(r, progress.get(r.id())) : r)
                .toList();
    }

    private static ActionView withProgress(ActionView v, Progress progress) {
        return new ActionView(
                v.id(),
                v.postmortemId(),
                v.parentId(),
                v.followUpOf(),
                v.title(),
                v.description(),
                v.owner(),
                v.dueDate(),
                v.priority(),
                v.type(),
                v.verification(),
                v.status(),
                v.proposedAt(),
                v.proposedBy(),
                v.soakedAt(),
                v.committedAt(),
                v.earlyCommitReason(),
                v.doneAt(),
                v.verifyBy(),
                v.verifiedAt(),
                v.evidence(),
                v.dropReason(),
                progress,
                v.updatedAt(),
                v.version());
    }

    private static ActionView row(ResultSet rs, Duration soak) throws SQLException {
        Instant proposedAt = instant(rs, "proposed_at");
        return new ActionView(
                rs.getLong("id"),
                rs.getLong("postmortem_id"),
                rs.getObject("parent_id", Long.class),
                rs.getObject("follow_up_of", Long.class),
                rs.getString("title"),
                rs.getString("description"),
                new ActionView.Person(rs.getLong("owner_id"), rs.getString("owner_name")),
                rs.getObject("due_date", LocalDate.class),
                Priority.valueOf(rs.getString("priority")),
                ActionType.valueOf(rs.getString("action_type")),
                rs.getString("verification"),
                ActionStatus.valueOf(rs.getString("status")),
                proposedAt,
                rs.getString("proposed_by"),
                proposedAt.plus(soak),
                moment(rs, "committed_at"),
                rs.getString("early_commit_reason"),
                moment(rs, "done_at"),
                rs.getObject("verify_by", LocalDate.class),
                moment(rs, "verified_at"),
                rs.getString("evidence"),
                rs.getString("drop_reason"),
                Progress.NONE,
                instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant moment(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
