package org.kintsugi.postmortem.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.postmortem.importing.ChatTranscript;
import org.kintsugi.postmortem.importing.TranscriptReading;
import org.kintsugi.postmortem.timeline.TimelineEntry;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.Limits;
import org.kintsugi.shared.Parsing;

/** A pasted chat transcript as both the timeline page and the API take it: checked, read and turned into events. */
final class Transcripts {

    private Transcripts() {}

    /**
     * Read a transcript with the date and zone chosen on paste, each checked with a message naming its field; a
     * transcript longer than {@code kintsugi.limits.transcript-size} characters or
     * {@code kintsugi.limits.transcript-lines} lines is refused before it is read.
     */
    static TranscriptReading read(
            @Nullable String text, @Nullable String date, @Nullable String zone, ZoneId defaultZone, Limits limits) {
        bounded(text, limits);
        List<FieldProblem> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem("text", "is required: paste the chat messages"));
        }
        LocalDate day = null;
        try {
            day = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("date", "'" + date + "' is not a date like 2026-11-21"));
        }
        if (day == null && problems.stream().noneMatch(p -> p.field().equals("date"))) {
            problems.add(new FieldProblem("date", "is required: on which day were these messages written?"));
        }
        ZoneId in = defaultZone;
        try {
            in = zone == null || zone.isBlank() ? defaultZone : ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("zone", "'" + zone + "' is not a time zone, e.g. Europe/Berlin"));
        }
        Parsing.check(problems);
        return ChatTranscript.read(text, day, in);
    }

    private static void bounded(@Nullable String text, Limits limits) {
        if (text == null) {
            return;
        }
        if (text.length() > limits.transcriptSize()) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.TOO_LARGE,
                    "text",
                    "transcript-size",
                    limits.transcriptSize(),
                    "The transcript has " + LimitExceededException.count(text.length())
                            + " characters, more than one paste may have; paste it in parts");
        }
        long lines = text.lines().count();
        if (lines > limits.transcriptLines()) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.TOO_LARGE,
                    "text",
                    "transcript-lines",
                    limits.transcriptLines(),
                    "The transcript has " + LimitExceededException.count(lines)
                            + " lines, more than one paste may have; paste it in parts");
        }
    }

    /** Turn read messages into timeline entries: the author becomes the source. */
    static List<TimelineEntry> entries(TranscriptReading reading) {
        return reading.entries().stream()
                .map(e -> new TimelineEntry(
                        e.at(), e.text(), e.kind(), e.author().isBlank() ? "chat" : e.author(), false))
                .toList();
    }
}
