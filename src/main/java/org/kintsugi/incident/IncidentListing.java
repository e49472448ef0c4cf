package org.kintsugi.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.Remembered;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read a page of incidents with three statements at most, whatever its size: the rows, the services and teams of
 * those rows, and the count, which is skipped when the page shows every match. The filters and orders are those the
 * indexes of {@code V1_7_1__incident_list_indexes.sql} serve.
 */
@Component
class IncidentListing {

    /** How long the names for autocomplete are kept before they are read again, as other nodes may add some. */
    private static final Duration NAMES_KEPT = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Remembered<List<String>> services;
    private final Remembered<List<String>> teams;

    IncidentListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
        // Read from the tag tables alone: their name indexes hold every name, so the incidents are not touched.
        this.services = new Remembered<>(() -> names("incident_services"), NAMES_KEPT);
        this.teams = new Remembered<>(() -> names("incident_teams"), NAMES_KEPT);
    }

    /** Return every service named on an incident so far, sorted, for autocomplete. */
    List<String> services() {
        return services.get();
    }

    /** Return every team named on an incident so far, sorted, for autocomplete. */
    List<String> teams() {
        return teams.get();
    }

    /** Read the names again on next use: an incident on this node was declared or revised. */
    void forgetNames() {
        services.forget();
        teams.forget();
    }

    private List<String> names(String table) {
        return jdbc.sql("select distinct name from " + table + " order by name")
                .query(String.class)
                .list();
    }

    /** Return a page of incidents with the exact number of matches, as the API reports it. */
    Page<IncidentView> list(IncidentFilter filter) {
        return list(filter, false).page();
    }

    /**
     * Return a page of incidents; with {@code stopCounting} and a text filter, count the matches only up to
     * {@link #PAGES_COUNTED} pages past this one.
     */
    IncidentMatches list(IncidentFilter filter, boolean stopCounting) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        long offset = (long) filter.page() * filter.size();
        IncidentSort.Cursor after =
                filter.sort() == IncidentSort.NEWEST ? IncidentSort.Cursor.of(filter.after()) : null;
        String seek = "";
        if (after != null) {
            // Keyset: start right after the last incident of the page before, read from the index in order.
            seek = (where.isEmpty() ? " where " : " and ")
                    + "i.started_at <= :afterAt and (i.started_at < :afterAt or i.id < :afterId)";
            params.put("afterAt", utc(after.at()));
            params.put("afterId", after.id());
        }
        if (stopCounting && after == null && params.containsKey("text")) {
            return matchedOnce(filter, where, params, offset);
        }
        List<IncidentView> rows = jdbc.sql("select " + COLUMNS + " from incidents i" + where + seek + " order by "
                        + order(filter) + " offset " + (after == null ? offset : 0) + " rows fetch next "
                        + filter.size() + " rows only")
                .params(params)
                .query((rs, n) -> IncidentReads.row(rs))
                .list();
        var pageable = PageRequest.of(filter.page(), filter.size());
        List<IncidentView> content = withTags(rows);
        if (rows.size() < filter.size() && (rows.size() > 0 || offset == 0)) {
            return new IncidentMatches(new PageImpl<>(content, pageable, offset + rows.size()), null);
        }
        Map<String, Object> counted = withoutCursor(params);
        if (stopCounting && params.containsKey("text")) {
            // Each match of a text filter is found by reading the title and summary of every row the other filters
            // leave, so stop a few pages past this one: enough to say what lies ahead, bounded however many match.
            long limit = offset + (long) PAGES_COUNTED * filter.size();
            long total = jdbc.sql("select count(*) from (select 1 from incidents i" + where + " fetch first "
                            + (limit + 1) + " rows only) m")
                    .params(counted)
                    .query(Long.class)
                    .single();
            return total > limit
                    ? new IncidentMatches(new PageImpl<>(content, pageable, limit + 1), limit)
                    : new IncidentMatches(new PageImpl<>(content, pageable, total), null);
        }
        long total = jdbc.sql("select count(*) from incidents i" + where)
                .params(counted)
                .query(Long.class)
                .single();
        return new IncidentMatches(new PageImpl<>(content, pageable, total), null);
    }

    /**
     * Return a page of a text filter's matches and their count, bounded, from one pass over the rows the other filters
     * leave: the ids of the matches in order up to {@link #PAGES_COUNTED} pages past this one, then this page's rows
     * by id. Finding a match means reading a title and a summary, so reading them once instead of once for the page
     * and again for the count halves the work where most rows do not match.
     */
    private IncidentMatches matchedOnce(IncidentFilter filter, String where, Map<String, Object> params, long offset) {
        long limit = offset + (long) PAGES_COUNTED * filter.size();
        List<Long> ids = jdbc.sql("select i.id from incidents i" + where + " order by " + order(filter)
                        + " fetch first " + (limit + 1) + " rows only")
                .params(params)
                .query(Long.class)
                .list();
        List<Long> shown =
                ids.subList((int) Math.min(offset, ids.size()), (int) Math.min(offset + filter.size(), ids.size()));
        Map<Long, IncidentView> byId = new HashMap<>();
        if (!shown.isEmpty()) {
            jdbc.sql("select " + COLUMNS + " from incidents i where i.id in (:ids)")
                    .param("ids", shown)
                    .query((rs, n) -> IncidentReads.row(rs))
                    .list()
                    .forEach(i -> byId.put(i.id(), i));
        }
        // A row removed between the two statements is left out, as a later read would not find it either.
        List<IncidentView> content =
                withTags(shown.stream().map(byId::get).filter(Objects::nonNull).toList());
        var pageable = PageRequest.of(filter.page(), filter.size());
        return ids.size() > limit
                ? new IncidentMatches(new PageImpl<>(content, pageable, limit + 1), limit)
                : new IncidentMatches(new PageImpl<>(content, pageable, ids.size()), null);
    }

    /** How many pages past the one shown a text filter's matches are counted on a page people browse. */
    static final int PAGES_COUNTED = 4;

    private static Map<String, Object> withoutCursor(Map<String, Object> params) {
        Map<String, Object> counted = new LinkedHashMap<>(params);
        counted.remove("afterAt");
        counted.remove("afterId");
        return counted;
    }

    private static final String COLUMNS = """
            i.id, i.version, i.title, i.summary, i.kind, i.severity, i.status, i.impact, i.people_affected,
            i.started_at, i.detected_at, i.acknowledged_at, i.mitigated_at, i.resolved_at, i.declared_by,
            i.declared_at, i.updated_at""";

    /** Give each row its services and teams, read for the whole page in one statement. */
    private List<IncidentView> withTags(List<IncidentView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<Long> ids = rows.stream().map(IncidentView::id).toList();
        Map<Long, List<String>> services = new LinkedHashMap<>();
        Map<Long, List<String>> teams = new LinkedHashMap<>();
        jdbc.sql("""
                        select 's' as list, incident_id, name from incident_services where incident_id in (:ids)
                        union all
                        select 't' as list, incident_id, name from incident_teams where incident_id in (:ids)""").param("ids", ids).query(rs -> {
            var into = rs.getString("list").equals("s") ? services : teams;
            into.computeIfAbsent(rs.getLong("incident_id"), id -> new ArrayList<>())
                    .add(rs.getString("name"));
        });
        return rows.stream()
                .map(i -> i.withTags(sorted(services.get(i.id())), sorted(teams.get(i.id()))))
                .toList();
    }

    private static List<String> sorted(@Nullable Collection<String> names) {
        return names == null
                ? List.of()
                : names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    private static String where(IncidentFilter filter, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        in(where, params, "status", filter.statuses());
        in(where, params, "severity", filter.severities());
        in(where, params, "kind", filter.kinds());
        if (filter.service() != null && !filter.service().isBlank()) {
            where.add("i.id in (select incident_id from incident_services where lower(name) = :service)");
            params.put("service", lower(filter.service()));
        }
        if (filter.team() != null && !filter.team().isBlank()) {
            where.add("i.id in (select incident_id from incident_teams where lower(name) = :team)");
            params.put("team", lower(filter.team()));
        }
        if (filter.from() != null) {
            where.add("i.started_at >= :from");
            params.put("from", utc(filter.from()));
        }
        if (filter.to() != null) {
            where.add("i.started_at < :to");
            params.put("to", utc(filter.to()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            // ILIKE compares without lower-casing a copy of every title and summary, which a 10,000-character
            // summary makes expensive; the other filters and the order narrow the rows it is applied to.
            where.add("(i.title ilike :text escape '\\' or i.summary ilike :text escape '\\')");
            params.put(
                    "text",
                    "%"
                            + filter.text()
                                    .strip()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    private static void in(
            List<String> where, Map<String, Object> params, String column, Collection<? extends Enum<?>> values) {
        if (!values.isEmpty()) {
            where.add("i." + column + " in (:" + column + ")");
            params.put(column, values.stream().map(Enum::name).sorted().toList());
        }
    }

    /**
     * Return the SQL order of a filter's sort. Newest first within one severity and one status names those columns
     * first: the order is the same, and H2 then reads the page in index order instead of filtering and sorting every
     * match (it does not see that columns fixed by the filter leave the index sorted).
     */
    static String order(IncidentFilter filter) {
        if (filter.sort() == IncidentSort.NEWEST && filter.kinds().isEmpty()) {
            boolean severity = filter.severities().size() == 1;
            boolean status = filter.statuses().size() == 1;
            String fixed = severity && status
                    ? "i.severity, i.status, "
                    : severity ? "i.severity, " : status ? "i.status, " : "";
            return fixed + order(IncidentSort.NEWEST);
        }
        return order(filter.sort());
    }

    /** Return the SQL order of a sort; each ends on a unique column so pages never overlap. */
    static String order(IncidentSort sort) {
        return switch (sort) {
            case NEWEST -> "i.started_at desc, i.id desc";
            case OLDEST -> "i.started_at, i.id";
            case SEVERITY -> "i.severity, i.started_at desc, i.id desc";
            case UPDATED -> "i.updated_at desc, i.id desc";
            case TITLE -> "i.title, i.id desc";
        };
    }

    private static String lower(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static java.time.OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
