package org.kintsugi.action.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The follow-through on action items in one month of the organisation's working zone: a row per team that had items
 * open or moving in the month, and one for all teams.
 *
 * @param from the month's first moment in {@code zone}
 * @param to the next month's first moment, the end of this one
 */
public record FollowUpReport(
        YearMonth month, ZoneId zone, Instant from, Instant to, List<FollowUpRow> teams, FollowUpRow overall) {

    /** What the overall row is called. */
    public static final String ALL_TEAMS = "All teams";

    private static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    public FollowUpReport {
        teams = List.copyOf(teams);
    }

    /** Return the team rows followed by the overall row. */
    public List<FollowUpRow> rows() {
        List<FollowUpRow> rows = new ArrayList<>(teams);
        rows.add(overall);
        return rows;
    }

    /** Return the month as people say it, e.g. {@code October 2026}. */
    public String monthName() {
        return name(month);
    }

    /** Return a month as people say it, e.g. {@code October 2026}. */
    public static String name(YearMonth month) {
        return month.format(MONTH_NAME);
    }
}
