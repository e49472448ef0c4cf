package org.kintsugi.postmortem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kintsugi.postmortem.TimelineContribution;
import org.kintsugi.postmortem.TimelineItem;
import org.kintsugi.postmortem.TimelineKind;

class TimelineLineTests {

    static final Instant T = Instant.parse("2026-11-21T14:00:00Z");

    static TimelineItem event(int minute, String text) {
        return new TimelineItem(
                minute, T.plusSeconds(60L * minute), text, TimelineKind.ACTION, "", false, false, "", 0);
    }

    static TimelineItem said(int minute, String author, String text, @Nullable String point) {
        var moment = new TimelineContribution.Moment(
                T.plusSeconds(60L * minute),
                text,
                TimelineKind.OBSERVATION,
                "Observed",
                author,
                "personal account",
                "/postmortems/1/accounts/1#entry-" + minute,
                point);
        return new TimelineItem(0, moment.at(), text, moment.kind(), author, false, false, author, 0, moment);
    }

    @Test
    void aPointToDiscussStandsWhereItsFirstMomentIsWithOneColumnPerWriter() {
        List<TimelineItem> timeline = List.of(
                event(0, "Deploy started"),
                said(1, "Alice", "Error rate climbing", "p1"),
                event(2, "Paged the on-call"),
                said(3, "Bob", "Dashboards all green", "p1"),
                said(4, "Alice", "Checkout returning 502s", "p1"),
                said(30, "Bob", "Rolled back", null));

        List<TimelineLine> lines = TimelineLine.of(timeline);

        assertThat(lines)
                .extracting(l ->
                        l.item() == null ? "point " + l.discussion() : l.item().description())
                .containsExactly("Deploy started", "point p1", "Paged the on-call", "Rolled back");
        TimelineLine point = lines.get(1);
        assertThat(point.at()).isEqualTo(T.plusSeconds(60));
        assertThat(point.size()).isEqualTo(3);
        assertThat(point.columns()).extracting(TimelineLine.Column::author).containsExactly("Alice", "Bob");
        assertThat(point.columns().getFirst().items())
                .extracting(TimelineItem::description)
                .containsExactly("Error rate climbing", "Checkout returning 502s");
    }

    @Test
    void contributedMomentsAreReadOnlyAndCarryTheirOwnLabel() {
        TimelineItem item = said(1, "Alice", "Error rate climbing", null);
        assertThat(item.editable()).isFalse();
        assertThat(item.label()).isEqualTo("Observed");
        assertThat(event(1, "Deploy").editable()).isTrue();
        assertThat(event(1, "Deploy").label()).isEqualTo("Action");
    }
}
