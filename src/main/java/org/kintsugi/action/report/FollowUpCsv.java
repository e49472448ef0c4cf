package org.kintsugi.action.report;

import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Write the follow-up report as CSV (RFC 4180): a header line, one line per team, then all teams. */
public final class FollowUpCsv {

    /** The column headings, in order. */
    public static final List<String> HEADINGS = List.of(
            "Team",
            "Opened",
            "Committed",
            "Done",
            "Verified effective",
            "Not effective",
            "Dropped",
            "Overdue at month end",
            "Median days to done");

    private FollowUpCsv() {}

    /** Return the report as CSV text, lines ending in CRLF. */
    public static String of(FollowUpReport report) {
        StringBuilder csv = new StringBuilder(line(HEADINGS.stream()));
        for (FollowUpRow row : report.rows()) {
            csv.append(line(Stream.of(
                    row.team(),
                    row.opened(),
                    row.committed(),
                    row.done(),
                    row.verifiedEffective(),
                    row.notEffective(),
                    row.dropped(),
                    row.overdueAtMonthEnd(),
                    row.median())));
        }
        return csv.toString();
    }

    /** Return the name a download of the month's report is saved under. */
    public static String filename(YearMonth month) {
        return "kintsugi-follow-up-" + month + ".csv";
    }

    private static String line(Stream<?> cells) {
        return cells.map(cell -> field(String.valueOf(cell))).collect(Collectors.joining(",")) + "\r\n";
    }

    /** Quote a field when it holds a comma, quote or line break; defuse text a spreadsheet would run as a formula. */
    static String field(String value) {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
