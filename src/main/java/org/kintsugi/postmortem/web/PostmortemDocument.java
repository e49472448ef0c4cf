package org.kintsugi.postmortem.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.Durations;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.TimelineItem;
import org.kintsugi.postmortem.timeline.TimelineDurations;
import org.kintsugi.shared.Markdown;

/**
 * Everything an export shows: the postmortem, its incident, its timeline and what the timeline measures, and what
 * other modules add.
 *
 * @param parts what other modules add under each section, as Markdown
 * @param partsHtml the same as HTML for the HTML and PDF exports, diagrams included
 * @param ownSections the sections other modules add after the template's, by key, with their headings
 */
public record PostmortemDocument(
        PostmortemView postmortem,
        IncidentView incident,
        List<TimelineItem> timeline,
        TimelineDurations durations,
        Map<String, String> parts,
        Map<String, String> partsHtml,
        Map<String, String> ownSections) {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Return whether the template has a Timeline section, where the timeline table goes; else it goes last. */
    public boolean hasTimelineSection() {
        return postmortem.sections().stream().anyMatch(PostmortemDocument::isTimeline);
    }

    /** Return a moment as {@code 2026-11-21 14:05} in UTC, the zone every export is written in. */
    public String utc(@Nullable Instant at) {
        return at == null ? "" : UTC.format(at);
    }

    /** Return the timeline as the page shows it, with the points to discuss drawn together. */
    public List<TimelineLine> lines() {
        return TimelineLine.of(timeline);
    }

    /** Return what other modules add under a section, as Markdown; empty when nothing. */
    public String part(String sectionKey) {
        return parts.getOrDefault(sectionKey, "");
    }

    /** Return what other modules add under a section, as HTML; empty when nothing. */
    public String partHtml(String sectionKey) {
        return partsHtml.getOrDefault(sectionKey, "");
    }

    /** Return a section's Markdown as sanitised HTML. */
    public String html(String markdown) {
        return Markdown.toHtml(markdown);
    }

    /** Return a duration in words, e.g. {@code 1 h 5 min}. */
    public String human(@Nullable Duration duration) {
        return Durations.human(duration);
    }

    static boolean isTimeline(PostmortemView.Section section) {
        return section.key().equals("timeline");
    }
}
