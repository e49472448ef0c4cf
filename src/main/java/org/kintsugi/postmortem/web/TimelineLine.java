package org.kintsugi.postmortem.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kintsugi.postmortem.TimelineContribution;
import org.kintsugi.postmortem.TimelineItem;

/**
 * One line of the timeline on a postmortem's page: a single moment, or a point to discuss, where moments that tell the
 * same time differently stand side by side in one column per writer, each in its own words.
 *
 * @param item the moment, or {@code null} for a point to discuss
 * @param discussion the point's key, or {@code null} for a single moment
 * @param columns the point's moments by writer, in the order they first speak; empty for a single moment
 */
public record TimelineLine(
        @Nullable TimelineItem item, @Nullable String discussion, List<Column> columns) {

    /** The moments one person wrote about a point to discuss, in time order. */
    public record Column(String author, List<TimelineItem> items) {}

    /** Return when the line happens: the moment's time, or the earliest moment of the point. */
    public Instant at() {
        return item != null ? item.at() : columns.getFirst().items().getFirst().at();
    }

    /** Return how many moments the line shows. */
    public int size() {
        return item != null
                ? 1
                : columns.stream().mapToInt(c -> c.items().size()).sum();
    }

    /** Arrange a timeline in lines: each point to discuss where its first moment is, its other moments drawn to it. */
    static List<TimelineLine> of(List<TimelineItem> timeline) {
        Map<String, Map<String, List<TimelineItem>>> points = new LinkedHashMap<>();
        for (TimelineItem item : timeline) {
            TimelineContribution.Moment moment = item.contribution();
            if (moment != null && moment.discussion() != null) {
                points.computeIfAbsent(moment.discussion(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(moment.author(), k -> new ArrayList<>())
                        .add(item);
            }
        }
        List<TimelineLine> lines = new ArrayList<>();
        for (TimelineItem item : timeline) {
            TimelineContribution.Moment moment = item.contribution();
            String key = moment == null ? null : moment.discussion();
            if (key == null) {
                lines.add(new TimelineLine(item, null, List.of()));
            } else if (points.containsKey(key)) {
                List<Column> columns = Objects.requireNonNull(points.remove(key)).entrySet().stream()
                        .map(e -> new Column(e.getKey(), List.copyOf(e.getValue())))
                        .toList();
                lines.add(new TimelineLine(null, key, columns));
            }
        }
        return lines;
    }
}
