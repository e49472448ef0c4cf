package org.kintsugi.postmortem.importing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Read one postmortem written in Markdown, as teams write them, into its title, its sections and its timeline.
 *
 * <p>Every section keeps its original text: nothing the authors wrote is dropped, whatever could or could not be read
 * from it. The text before the first section becomes a section called "Summary", or "Introduction" when the document
 * has a summary of its own. The document's date, for timeline entries that give only a time, is the front matter's
 * {@code date}, else a date in the title ({@code 2017-09-27, Hub 403}), else one in the fallback title, such as a file
 * name ({@code 2023-01-23-upgrading-ingress}).
 */
public final class MarkdownImport {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();
    private static final String TIMELINE = "timeline";

    private MarkdownImport() {}

    /**
     * Read a postmortem.
     *
     * @param fallbackTitle the title when the document has none, such as its file name
     * @param defaultZone the zone of timeline times when the document does not say
     * @throws IllegalArgumentException when the front matter is not valid YAML, saying on which line and why
     */
    public static ImportedDocument read(String markdown, String fallbackTitle, ZoneId defaultZone) {
        FrontMatter front = FrontMatter.split(markdown);
        SourceText source = new SourceText(front.markdown());
        Outline outline = Outline.of((Document) PARSER.parse(front.markdown()));
        String title = text(front.values().get("title")).or(outline::title).orElse(fallbackTitle);
        List<Outline.Part> parts = outline.parts(source);
        List<String> warnings = new ArrayList<>();
        EntryClock clock = new EntryClock(documentDate(front, title, fallbackTitle, warnings));
        EntryZones zones = new EntryZones(documentZone(front, warnings), defaultZone);
        TimelineReading timeline = new TimelineReading(source, front.skippedLines(), clock, zones);
        parts.stream().filter(part -> TIMELINE.equals(part.section().meaning())).forEach(timeline::read);
        warnings.addAll(timeline.warnings());
        List<ImportedSection> sections =
                parts.stream().map(Outline.Part::section).toList();
        return new ImportedDocument(title, front.values(), sections, timeline.events(), warnings);
    }

    private static @Nullable LocalDate documentDate(
            FrontMatter front, String title, String fallbackTitle, List<String> warnings) {
        Object written = front.values().get("date");
        if (written instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
        }
        Optional<LocalDate> fromFrontMatter = text(written).flatMap(WrittenDates::find);
        if (written != null && fromFrontMatter.isEmpty()) {
            warnings.add("The front matter date '" + written + "' is not a date that can be read; write it like"
                    + " 2023-02-14. The title's date is used instead, if it has one.");
        }
        return fromFrontMatter
                .or(() -> WrittenDates.find(title))
                .or(() -> WrittenDates.find(fallbackTitle))
                .orElse(null);
    }

    private static @Nullable ZoneId documentZone(FrontMatter front, List<String> warnings) {
        Optional<String> written = text(front.values().get("timezone"));
        Optional<ZoneId> zone = written.flatMap(ZoneNames::parse);
        if (written.isPresent() && zone.isEmpty()) {
            warnings.add("The front matter timezone '" + written.get() + "' is not a time zone that can be read;"
                    + " write it like Europe/Copenhagen, CET or UTC+1. The timeline's own zone is used instead.");
        }
        return zone.orElse(null);
    }

    private static Optional<String> text(@Nullable Object value) {
        return Optional.ofNullable(value)
                .map(String::valueOf)
                .map(String::strip)
                .filter(text -> !text.isEmpty());
    }
}
