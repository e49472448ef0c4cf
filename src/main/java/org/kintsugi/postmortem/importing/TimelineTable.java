package org.kintsugi.postmortem.importing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * A timeline written as a table: the column headed with a time, date or "when" gives each row's moment (the first
 * column when no header says so); the other cells describe it. A zone in that header, as in {@code Time (UTC)} or
 * {@code Date and Time in CET}, holds for every row.
 */
record TimelineTable(List<Row> rows, @Nullable ZoneId zone) {

    private static final Pattern WHEN = Pattern.compile("(?i)\\b(?:time|date|when|timestamp|datetime)\\b");

    /** One row: the node for its line, the text of its time cell, and the rest. */
    record Row(Node node, String when, String what) {}

    static TimelineTable of(TableBlock table) {
        List<String> header = List.of();
        List<Node> body = new ArrayList<>();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            if (part instanceof TableHead head && head.getFirstChild() != null) {
                header = cells(head.getFirstChild());
            } else if (part instanceof TableBody) {
                children(part).forEach(body::add);
            }
        }
        int column = timeColumn(header);
        ZoneId zone =
                column < header.size() ? ZoneNames.find(header.get(column)).orElse(null) : null;
        return new TimelineTable(body.stream().map(row -> row(row, column)).toList(), zone);
    }

    private static Row row(Node row, int column) {
        List<String> cells = cells(row);
        String when = column < cells.size() ? cells.get(column) : "";
        List<String> others = new ArrayList<>(cells);
        if (column < others.size()) {
            others.remove(column);
        }
        return new Row(
                row,
                when,
                String.join(
                        " — ", others.stream().filter(cell -> !cell.isBlank()).toList()));
    }

    private static int timeColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            if (WHEN.matcher(header.get(i).toLowerCase(Locale.ROOT)).find()) {
                return i;
            }
        }
        return 0;
    }

    private static List<String> cells(Node row) {
        return children(row).stream().map(PlainText::of).toList();
    }

    private static List<Node> children(Node parent) {
        List<Node> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            children.add(child);
        }
        return children;
    }
}
