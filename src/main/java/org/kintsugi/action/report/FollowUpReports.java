package org.kintsugi.action.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Count how action items were followed through in a month, per team and overall. Only top-level items count: sub-steps
 * roll up into them. An item belongs to its postmortem's teams (the incident's), counting once in each team's row and
 * once in all teams'.
 */
@Service
@Transactional(readOnly = true)
public class FollowUpReports {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final JdbcClient jdbc;
    private final PostmortemManagement postmortems;
    private final Clock clock;

    FollowUpReports(JdbcClient jdbc, PostmortemManagement postmortems, Clock clock) {
        this.jdbc = jdbc;
        this.postmortems = postmortems;
        this.clock = clock;
    }

    /** Return the follow-up figures of one month of the working zone. */
    public FollowUpReport of(YearMonth month) {
        ZoneId zone = postmortems.workingZone();
        LocalDate nextMonth = month.plusMonths(1).atDay(1);
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = nextMonth.atStartOfDay(zone).toInstant();
        Map<Long, List<ItemMonth.Change>> histories = histories(to);
        Tally overall = new Tally(FollowUpReport.ALL_TEAMS);
        Map<String, Tally> teams = new HashMap<>();
        for (ItemMonth.Item item : items(to)) {
            ItemMonth facts = ItemMonth.of(item, histories.getOrDefault(item.id(), List.of()), from, to, nextMonth);
            overall.add(facts);
            for (String team : item.teams()) {
                // Incidents may spell a team differently; the first spelling met names the row.
                teams.computeIfAbsent(team.toLowerCase(Locale.ROOT), k -> new Tally(team))
                        .add(facts);
            }
        }
        List<FollowUpRow> rows = teams.values().stream()
                .filter(Tally::active)
                .map(Tally::row)
                .sorted(Comparator.comparing(FollowUpRow::team, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new FollowUpReport(month, zone, from, to, rows, overall.row());
    }

    /** Return the month before the current one in the working zone: the one the report shows unless asked. */
    public YearMonth lastMonth() {
        return thisMonth().minusMonths(1);
    }

    /**
     * Read a month written as {@code YYYY-MM}; last month when none is given.
     *
     * @throws InvalidInputException naming {@code month} when it is written otherwise or has not begun
     */
    public YearMonth month(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return lastMonth();
        }
        YearMonth month;
        try {
            if (!MONTH.matcher(text.strip()).matches()) {
                throw new DateTimeParseException("not YYYY-MM", text, 0);
            }
            month = YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "'" + text + "' is not a month like 2026-10 (YYYY-MM)");
        }
        if (month.isAfter(thisMonth())) {
            throw new InvalidInputException("month", month + " has not begun yet");
        }
        return month;
    }

    /** Return the current month in the working zone. */
    public YearMonth thisMonth() {
        return YearMonth.from(clock.instant().atZone(postmortems.workingZone()));
    }

    private List<ItemMonth.Item> items(Instant to) {
        return jdbc.sql("""
                        select a.id, a.proposed_at, a.due_date, p.teams
                        from action_items a join postmortems p on p.id = a.postmortem_id
                        where a.parent_id is null and a.proposed_at < :to
                        order by a.id""")
                .param("to", utc(to))
                .query((rs, n) -> new ItemMonth.Item(
                        rs.getLong("id"),
                        instant(rs, "proposed_at"),
                        rs.getObject("due_date", LocalDate.class),
                        teams(rs.getString("teams"))))
                .list();
    }

    /** Return the status-changing history of every top-level item up to {@code to}, by item, oldest first. */
    private Map<Long, List<ItemMonth.Change>> histories(Instant to) {
        Map<Long, List<ItemMonth.Change>> histories = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.action_id, c.at, c.what
                        from action_changes c join action_items a on a.id = c.action_id
                        where a.parent_id is null and c.at < :to and c.what in (:whats)
                        order by c.action_id, c.at, c.id""")
                .param("to", utc(to))
                .param("whats", List.copyOf(ItemMonth.LEAVES.keySet()))
                .query((rs, n) ->
                        new ItemMonth.Change(rs.getLong("action_id"), instant(rs, "at"), rs.getString("what")))
                .list()
                .forEach(c -> histories
                        .computeIfAbsent(c.actionId(), id -> new ArrayList<>())
                        .add(c));
        return histories;
    }

    /** Split a postmortem's {@code |a|b|} teams column. */
    static List<String> teams(@Nullable String column) {
        if (column == null || column.length() < 3) {
            return List.of();
        }
        return Arrays.stream(column.substring(1, column.length() - 1).split("\\|"))
                .filter(team -> !team.isBlank())
                .toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
