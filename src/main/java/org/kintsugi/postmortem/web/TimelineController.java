package org.kintsugi.postmortem.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.TimelineKind;
import org.kintsugi.postmortem.importing.TranscriptReading;
import org.kintsugi.postmortem.timeline.TimelineEntry;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.Limits;
import org.kintsugi.shared.Parsing;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The timeline on a postmortem's page: add an event, star or remove one, paste a chat transcript. */
@Controller
class TimelineController {

    private final PostmortemTimeline timeline;
    private final PostmortemPage page;
    private final Limits limits;

    TimelineController(PostmortemTimeline timeline, PostmortemPage page, Limits limits) {
        this.timeline = timeline;
        this.page = page;
        this.limits = limits;
    }

    /** The add-event form as typed: the moment is local to the chosen zone. */
    public record EventForm(
            @Nullable String at,
            @Nullable String zone,
            @Nullable String kind,
            @Nullable String description,
            @Nullable String source,
            boolean starred) {

        static EventForm blank(ZoneId zone, Instant now) {
            String local = LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.MINUTES), zone)
                    .toString();
            return new EventForm(local, zone.getId(), "observation", "", "", false);
        }

        TimelineEntry entry() {
            List<FieldProblem> problems = new ArrayList<>();
            Instant moment = null;
            try {
                ZoneId zoneId = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone);
                moment = at == null || at.isBlank()
                        ? null
                        : LocalDateTime.parse(at).atZone(zoneId).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("at", "'" + at + "' is not a date and time like 2026-11-21T14:05"));
            } catch (DateTimeException e) {
                problems.add(new FieldProblem("zone", "'" + zone + "' is not a time zone"));
            }
            if (moment == null && problems.isEmpty()) {
                problems.add(new FieldProblem("at", "is required: when did it happen?"));
            }
            TimelineKind k = Parsing.enumValue("kind", kind, TimelineKind.class, problems);
            Parsing.check(problems);
            var entry = new TimelineEntry(
                    moment,
                    description == null ? "" : description,
                    k == null ? TimelineKind.OTHER : k,
                    source == null ? "" : source,
                    starred);
            Parsing.check(entry.problems());
            return entry;
        }
    }

    /** The paste-a-transcript form as typed. */
    public record TranscriptForm(
            @Nullable String text,
            @Nullable String date,
            @Nullable String zone) {

        static TranscriptForm blank(ZoneId zone, PostmortemDocument doc) {
            Instant started = doc.incident().lifecycle().startedAt();
            LocalDate day = started == null ? LocalDate.now(zone) : LocalDate.ofInstant(started, zone);
            return new TranscriptForm("", day.toString(), zone.getId());
        }
    }

    @PostMapping("/postmortems/{id}/timeline")
    String add(
            @PathVariable long id,
            @ModelAttribute("event") EventForm form,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        try {
            timeline.add(id, form.entry(), me.displayName());
            redirect.addFlashAttribute("notice", "Added to the timeline.");
            return "redirect:/postmortems/" + id + "#timeline";
        } catch (InvalidInputException e) {
            page.fill(model, id, me);
            model.addAttribute("eventErrors", e.byField());
            return "postmortem/show";
        }
    }

    @PostMapping("/postmortems/{id}/timeline/{eventId}/remove")
    String remove(
            @PathVariable long id,
            @PathVariable long eventId,
            @RequestParam(name = "events", defaultValue = "1") int events,
            RedirectAttributes redirect) {
        timeline.remove(id, eventId);
        redirect.addFlashAttribute("notice", "Removed from the timeline.");
        return "redirect:/postmortems/" + id + onPage(events) + "#timeline";
    }

    @PostMapping("/postmortems/{id}/timeline/{eventId}/star")
    String star(
            @PathVariable long id,
            @PathVariable long eventId,
            @RequestParam long version,
            @RequestParam boolean starred,
            @RequestParam(name = "events", defaultValue = "1") int events,
            RedirectAttributes redirect) {
        timeline.star(id, eventId, version, starred);
        return "redirect:/postmortems/" + id + onPage(events) + "#event-" + eventId;
    }

    /** Return the query that brings one back to the page of a long timeline they were on. */
    private static String onPage(int events) {
        return events > 1 ? "?events=" + events : "";
    }

    /** Read a pasted transcript and show what would be added; htmx swaps just the preview in. */
    @PostMapping("/postmortems/{id}/timeline/preview")
    String preview(
            @PathVariable long id,
            @ModelAttribute("transcript") TranscriptForm form,
            @AuthenticationPrincipal KintsugiPrincipal me,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        try {
            model.addAttribute("reading", Transcripts.read(form.text(), form.date(), form.zone(), me.zone(), limits));
        } catch (InvalidInputException e) {
            model.addAttribute("transcriptErrors", e.byField());
        } catch (LimitExceededException e) {
            model.addAttribute("transcriptErrors", java.util.Map.of(e.field(), e.getMessage()));
        }
        model.addAttribute("zone", me.zone());
        model.addAttribute("postmortemId", id);
        if (htmx != null) {
            return "postmortem/fragments/transcript :: preview";
        }
        page.fill(model, id, me);
        return "postmortem/show";
    }

    @PostMapping("/postmortems/{id}/timeline/import")
    String importTranscript(
            @PathVariable long id,
            @ModelAttribute("transcript") TranscriptForm form,
            @AuthenticationPrincipal KintsugiPrincipal me,
            RedirectAttributes redirect) {
        TranscriptReading reading = Transcripts.read(form.text(), form.date(), form.zone(), me.zone(), limits);
        int added = timeline.addAll(id, Transcripts.entries(reading), me.displayName(), "text")
                .size();
        redirect.addFlashAttribute(
                "notice",
                "Added " + added + " events from the transcript"
                        + (reading.problems().isEmpty()
                                ? "."
                                : "; skipped " + reading.problems().size() + " unreadable lines."));
        return "redirect:/postmortems/" + id + "#timeline";
    }
}
