package org.kintsugi.postmortem.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.TimelineItem;
import org.kintsugi.postmortem.TimelineKind;
import org.kintsugi.postmortem.importing.LineProblem;
import org.kintsugi.postmortem.importing.TranscriptEntry;
import org.kintsugi.postmortem.importing.TranscriptReading;
import org.kintsugi.postmortem.timeline.TimelineDurations;
import org.kintsugi.postmortem.timeline.TimelineEntry;
import org.kintsugi.postmortem.web.PostmortemJson.TimelineRequest;
import org.kintsugi.postmortem.web.PostmortemJson.TimelineResponse;
import org.kintsugi.postmortem.web.PostmortemJson.TranscriptRequest;
import org.kintsugi.shared.ETags;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Limits;
import org.kintsugi.shared.Parsing;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The timeline API: read a postmortem's timeline, add, change and remove events, paste a chat transcript. */
@RestController
@RequestMapping("/api/v1/postmortems/{id}/timeline")
@Tag(name = "Postmortem timeline")
class TimelineApi {

    private final PostmortemTimeline timeline;
    private final Limits limits;

    TimelineApi(PostmortemTimeline timeline, Limits limits) {
        this.timeline = timeline;
        this.limits = limits;
    }

    /** The timeline with what it measures; durations are ISO-8601 ({@code PT42M}), null where unknown. */
    record TimelineResponseBody(
            List<TimelineResponse> events,
            @Nullable Duration undetected,
            @Nullable Duration toMitigate,
            @Nullable Duration toResolve) {}

    /** What a transcript yields: the messages read, the lines that could not be, and how many events were saved. */
    record TranscriptResponse(List<EntryResponse> entries, List<LineProblem> problems, int saved) {

        static TranscriptResponse of(TranscriptReading reading, int saved) {
            return new TranscriptResponse(
                    reading.entries().stream().map(EntryResponse::of).toList(), reading.problems(), saved);
        }
    }

    /** One message read from a transcript; {@code kind} is the guess, e.g. {@code detection}. */
    record EntryResponse(int line, Instant at, String author, String text, String kind) {

        static EntryResponse of(TranscriptEntry e) {
            return new EntryResponse(
                    e.line(), e.at(), e.author(), e.text(), e.kind().code());
        }
    }

    @Operation(summary = "Read the timeline, the incident's own moments included, with the durations it shows")
    @GetMapping
    TimelineResponseBody get(@PathVariable long id) {
        PostmortemTimeline.Read read = timeline.read(id);
        TimelineDurations durations = read.durations();
        return new TimelineResponseBody(
                read.items().stream().map(TimelineResponse::of).toList(),
                durations.undetected(),
                durations.toMitigate(),
                durations.toResolve());
    }

    @Operation(summary = "Add an event")
    @PostMapping
    ResponseEntity<TimelineResponse> add(
            @PathVariable long id,
            @RequestBody TimelineRequest request,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        TimelineItem added = timeline.add(id, entry(request), me.displayName());
        return ResponseEntity.created(URI.create("/api/v1/postmortems/" + id + "/timeline/" + added.id()))
                .eTag(ETags.of(added.version()))
                .body(TimelineResponse.of(added));
    }

    @Operation(
            summary = "Change an event",
            description = "If-Match with the event's version guards against overwriting.")
    @PutMapping("/{eventId}")
    ResponseEntity<TimelineResponse> revise(
            @PathVariable long id,
            @PathVariable long eventId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody TimelineRequest request) {
        var expected = ETags.version(ifMatch);
        TimelineItem revised =
                timeline.revise(id, eventId, expected.isPresent() ? expected.getAsLong() : null, entry(request));
        return ResponseEntity.ok().eTag(ETags.of(revised.version())).body(TimelineResponse.of(revised));
    }

    @Operation(summary = "Remove an event")
    @DeleteMapping("/{eventId}")
    ResponseEntity<Void> remove(@PathVariable long id, @PathVariable long eventId) {
        timeline.remove(id, eventId);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Read a chat transcript into events",
            description = "Lines like '14:02 alice: restarted the pods' or a Slack copy-paste, local to zone on date."
                    + " preview=true saves nothing; lines that cannot be read refuse the import unless"
                    + " skipUnreadable=true.")
    @PostMapping("/import")
    ResponseEntity<TranscriptResponse> importTranscript(
            @PathVariable long id,
            @RequestBody TranscriptRequest request,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        TranscriptReading reading = Transcripts.read(request.text(), request.date(), request.zone(), me.zone(), limits);
        if (Boolean.TRUE.equals(request.preview())) {
            return ResponseEntity.ok(TranscriptResponse.of(reading, 0));
        }
        if (!reading.problems().isEmpty() && !Boolean.TRUE.equals(request.skipUnreadable())) {
            throw new InvalidInputException(reading.problems().stream()
                    .map(p -> new FieldProblem("text", p.message()))
                    .toList());
        }
        List<TimelineItem> saved = timeline.addAll(id, Transcripts.entries(reading), me.displayName(), "text");
        return ResponseEntity.status(HttpStatus.CREATED).body(TranscriptResponse.of(reading, saved.size()));
    }

    private static TimelineEntry entry(TimelineRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        var at = Parsing.moment("at", request.at(), problems);
        if (at == null && problems.isEmpty()) {
            problems.add(new FieldProblem("at", "is required, e.g. 2026-11-21T14:02:00Z"));
        }
        TimelineKind kind = Parsing.enumValue("kind", request.kind(), TimelineKind.class, problems);
        Parsing.check(problems);
        var entry = new TimelineEntry(
                at,
                request.description() == null ? "" : request.description(),
                kind == null ? TimelineKind.OTHER : kind,
                request.source() == null ? "" : request.source(),
                Boolean.TRUE.equals(request.starred()));
        Parsing.check(entry.problems());
        return entry;
    }
}
