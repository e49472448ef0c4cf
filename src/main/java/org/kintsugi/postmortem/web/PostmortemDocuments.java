package org.kintsugi.postmortem.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemPart;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.shared.Markdown;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Gather a postmortem with its incident and timeline, and hand it out in the format asked for. */
@Component
class PostmortemDocuments {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private final PostmortemManagement postmortems;
    private final PostmortemTimeline timeline;
    private final IncidentManagement incidents;
    private final ExportRenderer renderer;
    private final ObjectProvider<PostmortemPart> parts;

    PostmortemDocuments(
            PostmortemManagement postmortems,
            PostmortemTimeline timeline,
            IncidentManagement incidents,
            ExportRenderer renderer,
            ObjectProvider<PostmortemPart> parts) {
        this.postmortems = postmortems;
        this.timeline = timeline;
        this.incidents = incidents;
        this.renderer = renderer;
        this.parts = parts;
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
        IncidentView incident = incidents.find(postmortem.incidentKey());
        PostmortemTimeline.Read read = timeline.read(id, incident.lifecycle());
        return new PostmortemDocument(
                postmortem, incident, read.items(), read.durations(), parts, partsHtml, ownSections);
    }

    /** Answer with the postmortem as markdown, html or pdf, as a download named after its incident. */
    ResponseEntity<byte[]> export(long id, String format) {
        PostmortemDocument document = of(id);
        String name = document.incident().key() + "-postmortem";
        return switch (format.strip().toLowerCase()) {
            case "markdown", "md" ->
                file(
                        renderer.markdown(document).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        MARKDOWN,
                        name + ".md");
            case "html" ->
                file(
                        renderer.html(document).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        MediaType.parseMediaType("text/html;charset=UTF-8"),
                        name + ".html");
            case "pdf" -> file(renderer.pdf(document), MediaType.APPLICATION_PDF, name + ".pdf");
            default ->
                throw new org.kintsugi.shared.InvalidInputException(
                        "format", "'" + format + "' is not one of markdown, html, pdf");
        };
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
