package org.kintsugi.postmortem.importing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.jspecify.annotations.Nullable;

/**
 * Read the moments timeline sections tell, in the order they tell them: table rows, list items and paragraphs that
 * start with a time, and sub-headings that are a time, whose description is everything under them up to the next
 * heading. A heading that is only a day ({@code ## May 13}) sets the date for the entries under it.
 *
 * <p>Every table row is an entry, so a row whose time cannot be read is warned about; a list item or paragraph is one
 * only when it starts with a date or time. An entry with a date but no time is not on the timeline either, but is
 * warned about, and its date carries on to the entries after it.
 */
final class TimelineReading {

    private static final int LONGEST_DESCRIPTION = 2_000;

    private final SourceText source;
    private final int skippedLines;
    private final EntryClock clock;
    private final EntryZones zones;
    private final List<ImportedEvent> events = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private @Nullable TimedHeading timedHeading;
    private @Nullable DayHeading dayHeading;
    private int entries;

    TimelineReading(SourceText source, int skippedLines, EntryClock clock, EntryZones zones) {
        this.source = source;
        this.skippedLines = skippedLines;
        this.clock = clock;
        this.zones = zones;
    }

    /** A heading that is a time, and the blocks under it that describe it. */
    private record TimedHeading(Heading heading, Stamp stamp, List<Node> below) {}

    /** A heading that is only a day, and whether text with no entry in it came under it. */
    private record DayHeading(Heading heading, int entriesBefore, List<Node> below) {}

    List<ImportedEvent> events() {
        return List.copyOf(events);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Read one timeline section, carrying the last date seen on to the next one. */
    void read(Outline.Part part) {
        zones.enter(part);
        for (Node block : part.blocks()) {
            if (block instanceof Heading heading) {
                startHeading(heading);
            } else if (timedHeading != null) {
                timedHeading.below().add(block);
            } else {
                readBlock(block);
            }
        }
        closeHeading();
    }

    private void startHeading(Heading heading) {
        closeHeading();
        Stamp stamp = Timestamps.read(PlainText.of(heading));
        if (stamp.time() != null || stamp.problem() != null) {
            timedHeading = new TimedHeading(heading, stamp, new ArrayList<>());
        } else if (stamp.day() != null) {
            clock.noteDay(stamp.day());
            dayHeading = new DayHeading(heading, entries, new ArrayList<>());
        }
    }

    private void closeHeading() {
        if (timedHeading != null) {
            String below = PlainText.of(timedHeading.below());
            entry(
                    timedHeading.heading(),
                    timedHeading.stamp(),
                    joined(timedHeading.stamp().rest(), below),
                    null,
                    true);
        }
        if (dayHeading != null && !dayHeading.below().isEmpty() && entries == dayHeading.entriesBefore()) {
            warn(dayHeading.heading(), "it has a date but no time");
        }
        timedHeading = null;
        dayHeading = null;
    }

    private void readBlock(Node block) {
        switch (block) {
            case Paragraph paragraph -> lineEntry(paragraph);
            case ListBlock list ->
                Stream.iterate(list.getFirstChild(), item -> item != null, Node::getNext)
                        .forEach(this::lineEntry);
            case TableBlock table -> tableEntries(TimelineTable.of(table));
            default -> {}
        }
        if (dayHeading != null) {
            dayHeading.below().add(block);
        }
    }

    private void lineEntry(Node paragraphOrItem) {
        Stamp stamp = Timestamps.read(PlainText.of(paragraphOrItem));
        if (!stamp.isEmpty()) {
            entry(paragraphOrItem, stamp, stamp.rest(), null, false);
        }
    }

    private void tableEntries(TimelineTable table) {
        for (TimelineTable.Row row : table.rows()) {
            entry(row.node(), Timestamps.read(row.when()), row.what(), table.zone(), true);
        }
    }

    private void entry(Node node, Stamp stamp, String description, @Nullable ZoneId tableZone, boolean isRow) {
        entries++;
        if (stamp.problem() != null) {
            warn(node, stamp.problem());
        } else if (stamp.time() != null) {
            place(node, stamp, description, tableZone);
        } else if (stamp.day() != null) {
            clock.noteDay(stamp.day());
            warn(node, "it has a date but no time");
        } else if (isRow) {
            warn(node, "it has no time that can be read");
        }
    }

    private void place(Node node, Stamp stamp, String description, @Nullable ZoneId tableZone) {
        EntryClock.Placement placement = clock.place(stamp, zones.of(stamp, tableZone));
        if (placement.at() != null) {
            events.add(new ImportedEvent(placement.at(), shortened(description)));
        } else {
            warn(node, String.valueOf(placement.problem()));
        }
    }

    private void warn(Node node, String problem) {
        int line = SourceText.firstLine(node);
        warnings.add("Line %d: %s, so it is not on the timeline: \"%s\""
                .formatted(line + skippedLines + 1, problem, source.quote(line)));
    }

    private static String joined(String heading, String below) {
        if (heading.isBlank() || below.isBlank()) {
            return heading.isBlank() ? below : heading;
        }
        return heading + (heading.matches(".*[.:!?]$") ? " " : ": ") + below;
    }

    private static String shortened(String description) {
        return description.length() <= LONGEST_DESCRIPTION
                ? description
                : description.substring(0, LONGEST_DESCRIPTION - 1) + "…";
    }
}
