package org.kintsugi.postmortem;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.Severity;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read a page of postmortems with plain SQL: one statement for the rows, one for the co-authors and one for the
 * sections of the whole page, and a count only when the page does not show every match. Loading the same rows as
 * entities cost more than anything else the list does; writes still go through {@link Postmortem}.
 */
@Component
class PostmortemListing {

    private final JdbcClient jdbc;

    PostmortemListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Return a page of postmortems, the soonest due first, then the most recently changed. */
    Page<PostmortemView> list(PostmortemFilter filter, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, now, params);
        long offset = (long) filter.page() * filter.size();
        // The order of ix_postmortems_list, so a first page is read from the front of the index.
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from postmortems p" + where
                        + " order by p.due_at asc nulls last, p.updated_at desc offset " + offset
                        + " rows fetch next " + filter.size() + " rows only")
                .params(params)
                .query((rs, n) -> row(rs))
                .list();
        long total = rows.size() < filter.size() && (rows.size() > 0 || offset == 0)
                ? offset + rows.size()
                : jdbc.sql("select count(*) from postmortems p" + where)
                        .params(params)
                        .query(Long.class)
                        .single();
        return new PageImpl<>(views(rows), PageRequest.of(filter.page(), filter.size()), total);
    }

    private static final String COLUMNS = """
            p.id, p.incident_id, p.incident_key, p.title, p.severity, p.teams, p.template_id, p.template_name,
            p.status, p.owner_id, p.owner_name, p.due_at, p.revision, p.changes_requested, p.published_at,
            p.published_by, p.created_at, p.updated_at, p.version""";

    private static String where(PostmortemFilter filter, Instant now, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        if (filter.status() != null) {
            where.add("p.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.severity() != null) {
            where.add("p.severity = :severity");
            params.put("severity", filter.severity().name());
        }
        if (filter.team() != null && !filter.team().isBlank()) {
            // Teams are kept as |a|b|, so one team is a plain LIKE; its wildcards are dropped from the name.
            where.add("lower(p.teams) like :team");
            params.put(
                    "team",
                    "%|"
                            + filter.team()
                                    .strip()
                                    .replace("%", "")
                                    .replace("_", "")
                                    .toLowerCase(Locale.ROOT) + "|%");
        }
        if ("due".equals(filter.due()) || "overdue".equals(filter.due())) {
            where.add("p.due_at is not null and p.published_at is null and p.status <> 'PUBLISHED'");
        }
        if ("overdue".equals(filter.due())) {
            where.add("p.due_at < :now");
            params.put("now", now.atOffset(ZoneOffset.UTC));
        }
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    /** Give each row its co-authors and sections, each read for the whole page in one statement. */
    private List<PostmortemView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<Author>> coAuthors = new HashMap<>();
        jdbc.sql("select postmortem_id, user_id, name from postmortem_coauthors where postmortem_id in (:ids)"
                        + " order by postmortem_id, user_id")
                .param("ids", ids)
                .query(rs -> {
                    coAuthors
                            .computeIfAbsent(rs.getLong("postmortem_id"), id -> new ArrayList<>())
                            .add(new Author(rs.getLong("user_id"), rs.getString("name")));
                });
        Map<Long, List<PostmortemView.Section>> sections = new HashMap<>();
        jdbc.sql("""
                        select postmortem_id, section_key, heading, guidance, required, body, version, updated_by,
                               updated_at
                        from postmortem_sections where postmortem_id in (:ids) order by postmortem_id, position""").param("ids", ids).query(rs -> {
            sections.computeIfAbsent(rs.getLong("postmortem_id"), id -> new ArrayList<>())
                    .add(new PostmortemView.Section(
                            rs.getString("section_key"),
                            rs.getString("heading"),
                            rs.getString("guidance"),
                            rs.getBoolean("required"),
                            rs.getString("body"),
                            rs.getLong("version"),
                            rs.getString("updated_by"),
                            moment(rs, "updated_at")));
        });
        return rows.stream()
                .map(r -> r.view(
                        List.copyOf(coAuthors.getOrDefault(r.id(), List.of())),
                        List.copyOf(sections.getOrDefault(r.id(), List.of()))))
                .toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        String teams = rs.getString("teams");
        return new Row(
                rs.getLong("id"),
                rs.getLong("incident_id"),
                rs.getString("incident_key"),
                rs.getString("title"),
                Severity.valueOf(rs.getString("severity")),
                teams.isEmpty()
                        ? List.of()
                        : List.of(teams.substring(1, teams.length() - 1).split("\\|")),
                rs.getLong("template_id"),
                rs.getString("template_name"),
                PostmortemStatus.valueOf(rs.getString("status")),
                new Author(rs.getLong("owner_id"), rs.getString("owner_name")),
                moment(rs, "due_at"),
                rs.getInt("revision"),
                rs.getString("changes_requested"),
                moment(rs, "published_at"),
                rs.getString("published_by"),
                moment(rs, "created_at"),
                moment(rs, "updated_at"),
                rs.getLong("version"));
    }

    /** A postmortem's own columns, before its co-authors and sections are added. */
    private record Row(
            long id,
            long incidentId,
            String incidentKey,
            String title,
            Severity severity,
            List<String> teams,
            long templateId,
            String templateName,
            PostmortemStatus status,
            Author owner,
            @Nullable Instant dueAt,
            int revision,
            @Nullable String changesRequested,
            @Nullable Instant publishedAt,
            @Nullable String publishedBy,
            @Nullable Instant createdAt,
            @Nullable Instant updatedAt,
            long version) {

        PostmortemView view(List<Author> coAuthors, List<PostmortemView.Section> sections) {
            return new PostmortemView(
                    id,
                    incidentId,
                    incidentKey,
                    title,
                    severity,
                    teams,
                    templateId,
                    templateName,
                    status,
                    owner,
                    coAuthors,
                    sections,
                    dueAt,
                    revision,
                    changesRequested,
                    publishedAt,
                    publishedBy,
                    createdAt == null ? Instant.EPOCH : createdAt,
                    updatedAt == null ? Instant.EPOCH : updatedAt,
                    version);
        }
    }

    private static @Nullable Instant moment(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
