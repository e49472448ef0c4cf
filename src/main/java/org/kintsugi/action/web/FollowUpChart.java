package org.kintsugi.action.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.kintsugi.action.report.FollowUpReport;
import org.kintsugi.action.report.FollowUpRow;

/**
 * The follow-up report drawn as horizontal grouped bars, laid out here so the page only writes SVG: one group for all
 * teams, then one per team, each with a bar per figure and its value written at the bar's end.
 */
public record FollowUpChart(
        int width,
        int height,
        int plotLeft,
        int plotBottom,
        int separatorY,
        List<Tick> ticks,
        List<Group> groups,
        String summary) {

    /** One figure the chart draws, with its colour. */
    public record Series(String label, String color, ToIntFunction<FollowUpRow> figure) {}

    /** A value marked on the axis, with its gridline's position. */
    public record Tick(int x, int value) {}

    /** A team's bars: {@code label} is shortened to fit, {@code name} is the whole name. */
    public record Group(String name, String label, String note, int y, int labelY, boolean overall, List<Bar> bars) {}

    /** One bar, with the position of the value written after it. */
    public record Bar(
            int x, int y, int width, int height, int value, String color, String title, int textX, int textY) {}

    /** The figures in the order they are drawn and listed in the legend. */
    public static final List<Series> SERIES = List.of(
            new Series("Opened", "#5c677d", FollowUpRow::opened),
            new Series("Committed", "#1d4ed8", FollowUpRow::committed),
            new Series("Done", "#b8860b", FollowUpRow::done),
            new Series("Verified effective", "#2e7d32", FollowUpRow::verifiedEffective),
            new Series("Not effective", "#a4161a", FollowUpRow::notEffective),
            new Series("Dropped", "#8d8d8d", FollowUpRow::dropped),
            new Series("Overdue at month end", "#d9480f", FollowUpRow::overdueAtMonthEnd));

    static final int WIDTH = 800;
    static final int LEFT = 210;
    static final int PLOT_WIDTH = 530;
    static final int TOP = 30;
    static final int BAR = 13;
    static final int GAP = 3;
    static final int GROUP_GAP = 28;
    static final int LABEL_LENGTH = 26;

    /** Lay out the report's rows, all teams first. */
    public static FollowUpChart of(FollowUpReport report) {
        List<FollowUpRow> rows = new ArrayList<>();
        rows.add(report.overall());
        rows.addAll(report.teams());
        int max = rows.stream()
                .flatMapToInt(row -> SERIES.stream().mapToInt(s -> s.figure().applyAsInt(row)))
                .max()
                .orElse(0);
        int step = step(max);
        int axisMax = Math.max(step, (max + step - 1) / step * step);
        int groupHeight = SERIES.size() * (BAR + GAP) - GAP;
        List<Group> groups = new ArrayList<>();
        int y = TOP;
        for (FollowUpRow row : rows) {
            groups.add(group(row, y, groupHeight, axisMax, groups.isEmpty()));
            y += groupHeight + GROUP_GAP;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int value = 0; value <= axisMax; value += step) {
            ticks.add(new Tick(LEFT + scale(value, axisMax), value));
        }
        int bottom = y - GROUP_GAP + 8;
        int separator = TOP + groupHeight + GROUP_GAP / 2;
        return new FollowUpChart(WIDTH, bottom + 4, LEFT, bottom, separator, ticks, groups, summary(report));
    }

    /** Return whether every figure is zero, when the page says so in words instead of drawing empty bars. */
    public boolean empty() {
        return groups.stream().flatMap(g -> g.bars().stream()).allMatch(b -> b.value() == 0);
    }

    private static Group group(FollowUpRow row, int top, int groupHeight, int axisMax, boolean overall) {
        List<Bar> bars = new ArrayList<>();
        int y = top;
        for (Series series : SERIES) {
            int value = series.figure().applyAsInt(row);
            int width = value == 0 ? 0 : Math.max(2, scale(value, axisMax));
            bars.add(new Bar(
                    LEFT,
                    y,
                    width,
                    BAR,
                    value,
                    series.color(),
                    row.team() + ": " + value + " " + series.label().toLowerCase(),
                    LEFT + width + 6,
                    y + BAR - 2));
            y += BAR + GAP;
        }
        String note = row.medianDaysToDone() == null ? "none done" : "median " + row.median() + " days to done";
        String label = row.team().length() > LABEL_LENGTH
                ? row.team().substring(0, LABEL_LENGTH - 1).strip() + "…"
                : row.team();
        return new Group(row.team(), label, note, top, top + groupHeight / 2 - 4, overall, bars);
    }

    private static int scale(int value, int axisMax) {
        return Math.round((float) value * PLOT_WIDTH / axisMax);
    }

    /** Return a gridline step of 1, 2 or 5 times a power of ten that makes at most about six lines. */
    static int step(int max) {
        int power = 1;
        while (true) {
            for (int factor : new int[] {1, 2, 5}) {
                if (max <= factor * power * 6) {
                    return factor * power;
                }
            }
            power *= 10;
        }
    }

    private static String summary(FollowUpReport report) {
        FollowUpRow all = report.overall();
        return "Bar chart of action item follow-up in " + report.monthName() + ". All teams: " + all.opened()
                + " opened, " + all.committed() + " committed, " + all.done() + " done, " + all.verifiedEffective()
                + " verified effective, " + all.notEffective() + " not effective, " + all.dropped() + " dropped, "
                + all.overdueAtMonthEnd() + " overdue at month end. "
                + (report.teams().isEmpty()
                        ? "No team had items."
                        : report.teams().size() + " team(s) follow; the table below gives every figure.");
    }
}
