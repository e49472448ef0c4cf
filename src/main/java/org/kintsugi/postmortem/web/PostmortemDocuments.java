package org.kintsugi.postmortem.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemPart;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.Limits;
import org.kintsugi.shared.Markdown;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/** Gather a postmortem with its incident and timeline, and hand it out in the format asked for. */
@Component
class PostmortemDocuments {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final PostmortemManagement postmortems;
    private final PostmortemTimeline timeline;
    private final IncidentManagement incidents;
    private final ExportRenderer renderer;
    private final ObjectProvider<PostmortemPart> parts;
    private final ExportJobs jobs;
    private final Limits limits;

    PostmortemDocuments(
            PostmortemManagement postmortems,
            PostmortemTimeline timeline,
            IncidentManagement incidents,
            ExportRenderer renderer,
            ObjectProvider<PostmortemPart> parts,
            ExportJobs jobs,
            Limits limits) {
        this.postmortems = postmortems;
        this.timeline = timeline;
        this.incidents = incidents;
        this.renderer = renderer;
        this.parts = parts;
        this.jobs = jobs;
        this.limits = limits;
    }

    PostmortemDocument of(long id) {
        PostmortemView postmortem = postmortems.find(id);
        Map<String, String> parts = new LinkedHashMap<>();
        Map<String, String> partsHtml = new LinkedHashMap<>();
        Map<String, String> ownSections = new LinkedHashMap<>();
        this.parts
                .orderedStream()
                .forEach(part -> part.place(postmortem.sections()).ifPresent(place -> {
                    String markdown = part.markdown(id);
                    if (!markdown.isBlank()) {
                        String html = part.html(id);
                        parts.merge(place.sectionKey(), markdown, (a, b) -> a + "\n\n" + b);
                        partsHtml.merge(
                                place.sectionKey(), html.isBlank() ? Markdown.toHtml(markdown) : html, String::concat);
                        if (place.own()) {
                            ownSections.putIfAbsent(place.sectionKey(), place.ownHeading());
                        }
                    }
                }));
        IncidentView incident = incidents.find(postmortem.incidentId());
        PostmortemTimeline.Read read = timeline.read(id, incident.lifecycle());
        return new PostmortemDocument(
                postmortem, incident, read.items(), read.durations(), parts, partsHtml, ownSections);
    }

    /**
     * Answer with the postmortem as markdown, html or pdf, as a download named after its incident. The document is
     * read here, on the request's thread; it is written out by {@link ExportJobs}, bounded in time and in number.
     */
    DeferredResult<ResponseEntity<byte[]>> export(long id, String format, long personId) {
        String chosen = format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("markdown", "md", "html", "pdf").contains(chosen)) {
            throw new org.kintsugi.shared.InvalidInputException(
                    "format", "'" + format + "' is not one of markdown, html, pdf");
        }
        PostmortemDocument document = of(id);
        String name = document.incident().key() + "-postmortem";
        ExportJobs.Job<ResponseEntity<byte[]>> job = jobs.start(personId, stop -> switch (chosen) {
            case "html" -> file(renderer.html(document).getBytes(StandardCharsets.UTF_8), HTML, name + ".html");
            case "pdf" -> file(renderer.pdf(document, stop), MediaType.APPLICATION_PDF, name + ".pdf");
            default -> file(renderer.markdown(document).getBytes(StandardCharsets.UTF_8), MARKDOWN, name + ".md");
        });
        // The request waits a little longer than the job may run, so the job's own deadline answers first.
        Duration deadline = limits.exportDeadline();
        var answer = new DeferredResult<ResponseEntity<byte[]>>(
                deadline.plusSeconds(5).toMillis());
        answer.onTimeout(() -> job.stop().raise("the request timed out"));
        answer.onError(e -> job.stop().raise("the request went away"));
        job.result().whenComplete((file, failure) -> {
            if (failure == null) {
                answer.setResult(file);
            } else {
                answer.setErrorResult(
                        failure instanceof TimeoutException || failure instanceof CancellationException
                                ? tooSlow(chosen, deadline)
                                : failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                                        ? c.getCause()
                                        : failure);
            }
        });
        return answer;
    }

    private static LimitExceededException tooSlow(String format, Duration deadline) {
        return new LimitExceededException(
                LimitExceededException.Kind.TOO_LARGE,
                "format",
                "export-deadline",
                deadline.toSeconds(),
                "The " + format + " export did not finish within " + deadline.toSeconds()
                        + " seconds and was stopped; export it as Markdown, or shorten the document");
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(content);
    }
}
