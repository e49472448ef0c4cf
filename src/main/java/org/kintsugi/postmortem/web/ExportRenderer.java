package org.kintsugi.postmortem.web;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.incident.Lifecycle;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.TimelineItem;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.Limits;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Write a postmortem out as Markdown with YAML front matter, as a standalone HTML page, or as a PDF; inline SVG in the
 * page, such as a diagram a part adds, is drawn in the PDF too.
 */
@Component
class ExportRenderer {

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ITemplateEngine templates;
    private final Clock clock;
    private final Limits limits;

    ExportRenderer(ITemplateEngine templates, Clock clock, Limits limits) {
        this.templates = templates;
        this.clock = clock;
        this.limits = limits;
    }

    /** Return the postmortem as Markdown: front matter, the sections, the timeline as a table. */
    String markdown(PostmortemDocument document) {
        StringBuilder out =
                new StringBuilder("---\n").append(frontMatter(document)).append("---\n\n");
        PostmortemView postmortem = document.postmortem();
        out.append("# ").append(postmortem.title()).append("\n\n");
        for (PostmortemView.Section section : postmortem.sections()) {
            out.append("## ").append(section.heading()).append("\n\n");
            if (!section.body().isBlank()) {
                out.append(section.body().strip()).append("\n\n");
            }
            if (!document.part(section.key()).isBlank()) {
                out.append(document.part(section.key()).strip()).append("\n\n");
            }
            if (PostmortemDocument.isTimeline(section)) {
                out.append(timelineTable(document.timeline())).append('\n');
            }
        }
        document.ownSections()
                .forEach((key, heading) -> out.append("## ")
                        .append(heading)
                        .append("\n\n")
                        .append(document.part(key).strip())
                        .append("\n\n"));
        if (!document.hasTimelineSection() && !document.timeline().isEmpty()) {
            out.append("## Timeline\n\n")
                    .append(timelineTable(document.timeline()))
                    .append('\n');
        }
        return out.toString();
    }

    /** Return the postmortem as one HTML page with its styles inline, which also feeds the PDF. */
    String html(PostmortemDocument document) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("doc", document);
        context.setVariable("p", document.postmortem());
        context.setVariable("incident", document.incident());
        context.setVariable("generatedAt", UTC_TIME.format(clock.instant()) + " UTC");
        return templates.process("postmortem/export", context);
    }

    /**
     * Return the postmortem as a PDF, drawn from the HTML page, refusing a page longer than
     * {@code kintsugi.limits.pdf-size} and giving up as soon as {@code stop} is raised.
     */
    byte[] pdf(PostmortemDocument document, ExportJobs.Stop stop) {
        String html = html(document);
        int max = limits.pdfSize();
        if (html.length() > max) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.TOO_LARGE,
                    "format",
                    "pdf-size",
                    max,
                    "This postmortem makes " + LimitExceededException.count(html.length())
                            + " characters of HTML, more than a PDF is drawn from; export it as Markdown or HTML");
        }
        stop.check();
        var dom = new W3CDom().fromJsoup(Jsoup.parse(html));
        try (var out = new ByteArrayOutputStream()) {
            // Scripts and external resources stay off: the SVG comes from Kintsugi's own parts.
            // The renderer asks for line breaks all through layout, the long part of the work: that is where it
            // learns it should stop.
            FSTextBreaker lines = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.US));
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .useFastMode()
                    .useUnicodeLineBreaker(new FSTextBreaker() {
                        @Override
                        public int next() {
                            return lines.next();
                        }

                        @Override
                        public void setText(String text) {
                            stop.check();
                            lines.setText(text);
                        }
                    })
                    .useSVGDrawer(new BatikSVGDrawer(
                            BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE));
            FONTS.forEach(
                    (file, face) -> builder.useFont(file.toFile(), "DejaVu Sans", face.weight(), face.style(), true));
            builder.withW3cDocument(dom, "/").toStream(out).run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The DejaVu Sans faces found on this machine (Debian's fonts-dejavu-core). The PDF's built-in fonts cover only
     * Western European letters; with DejaVu, Greek, Cyrillic and most symbols print too. Without it the PDF falls
     * back to Helvetica.
     */
    private static final Map<Path, Face> FONTS = fonts(Path.of("/usr/share/fonts/truetype/dejavu"));

    private record Face(int weight, BaseRendererBuilder.FontStyle style) {}

    private static Map<Path, Face> fonts(Path folder) {
        Map<Path, Face> fonts = new LinkedHashMap<>();
        var normal = BaseRendererBuilder.FontStyle.NORMAL;
        var italic = BaseRendererBuilder.FontStyle.ITALIC;
        fonts.put(folder.resolve("DejaVuSans.ttf"), new Face(400, normal));
        fonts.put(folder.resolve("DejaVuSans-Bold.ttf"), new Face(700, normal));
        fonts.put(folder.resolve("DejaVuSans-Oblique.ttf"), new Face(400, italic));
        fonts.put(folder.resolve("DejaVuSans-BoldOblique.ttf"), new Face(700, italic));
        fonts.keySet().removeIf(file -> !Files.isReadable(file));
        return fonts;
    }

    private static String frontMatter(PostmortemDocument document) {
        PostmortemView p = document.postmortem();
        IncidentView incident = document.incident();
        Lifecycle life = incident.lifecycle();
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("title", p.title());
        front.put("incident", incident.key());
        front.put("kind", incident.kind().code());
        front.put("severity", incident.severity().name());
        front.put("status", p.status().code());
        front.put("revision", p.revision());
        front.put("template", p.templateName());
        front.put("owner", p.owner().name());
        putIfPresent(
                front,
                "coAuthors",
                p.coAuthors().isEmpty()
                        ? null
                        : p.coAuthors().stream().map(a -> a.name()).toList());
        putIfPresent(front, "services", incident.services().isEmpty() ? null : incident.services());
        putIfPresent(front, "teams", incident.teams().isEmpty() ? null : incident.teams());
        putIfPresent(front, "startedAt", life.startedAt());
        putIfPresent(front, "detectedAt", life.detectedAt());
        putIfPresent(front, "acknowledgedAt", life.acknowledgedAt());
        putIfPresent(front, "mitigatedAt", life.mitigatedAt());
        putIfPresent(front, "resolvedAt", life.resolvedAt());
        putIfPresent(front, "dueAt", p.dueAt());
        putIfPresent(front, "publishedAt", p.publishedAt());
        putIfPresent(front, "publishedBy", p.publishedBy());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        return new Yaml(options).dump(front);
    }

    private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value instanceof Instant instant ? instant.toString() : value);
        }
    }

    /** Write the timeline as a GitHub table, times in UTC, which the importer reads back into events. */
    static String timelineTable(List<TimelineItem> timeline) {
        StringBuilder table =
                new StringBuilder("All times in UTC.\n\n| Time | Kind | Event | Source |\n|---|---|---|---|\n");
        for (TimelineItem item : timeline) {
            table.append("| ")
                    .append(UTC_TIME.format(item.at()))
                    .append(" | ")
                    .append(item.label())
                    .append(" | ")
                    .append(item.starred() ? "★ " : "")
                    .append(cell(item.description()))
                    .append(" | ")
                    .append(cell(item.source()))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }
}
