package org.kintsugi.postmortem.importing;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * How a document is cut into sections: which heading is its title, and which headings start sections.
 *
 * <p>The first heading is the title when it is shallower than the level that structures the rest: the shallowest
 * level used at least twice after it (or used at all, when none is used twice). Below level 1 it must also not name a
 * section: {@code ## Timeline} over {@code ### 13:35} headings is a section. Every heading at that level or
 * shallower starts a section, so a lone {@code # Stats} after {@code ## Action Items} does too. Deeper headings stay
 * in their section's text. Inside a timeline, a heading that is only a day ({@code ## May 13}) stays in the timeline.
 * Only headings at the top of the document count: commonmark already leaves out {@code #} lines in code blocks.
 */
final class Outline {

    private static final String SUMMARY = "summary";

    /** A section with the blocks its text is made of. */
    record Part(ImportedSection section, List<Node> blocks) {}

    private final List<Node> blocks;
    private final @Nullable Heading titleHeading;
    private final List<Heading> starts;

    private Outline(List<Node> blocks, @Nullable Heading titleHeading, List<Heading> starts) {
        this.blocks = blocks;
        this.titleHeading = titleHeading;
        this.starts = starts;
    }

    static Outline of(Document document) {
        List<Node> blocks = Stream.iterate(document.getFirstChild(), block -> block != null, Node::getNext)
                .toList();
        List<Heading> headings = blocks.stream()
                .filter(Heading.class::isInstance)
                .map(Heading.class::cast)
                .toList();
        Heading titleHeading = titleHeading(headings);
        List<Heading> rest = titleHeading == null ? headings : headings.subList(1, headings.size());
        return new Outline(blocks, titleHeading, sectionStarts(rest, level(rest)));
    }

    /** Return the title heading's text; without one, the first heading's, unless it names a section like Summary. */
    Optional<String> title() {
        if (titleHeading != null) {
            return Optional.of(PlainText.of(titleHeading)).filter(text -> !text.isBlank());
        }
        return starts.stream()
                .findFirst()
                .map(PlainText::of)
                .filter(text -> !text.isBlank())
                .filter(text -> SectionMeanings.of(text).isEmpty());
    }

    /** Cut the source into sections, the text before the first one included. */
    List<Part> parts(SourceText source) {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int from = SourceText.lastLine(starts.get(i)) + 1;
            int to = i + 1 < starts.size() ? SourceText.firstLine(starts.get(i + 1)) : source.lineCount();
            String heading = PlainText.of(starts.get(i));
            parts.add(part(heading, source.slice(from, to), from, to));
        }
        preamble(source, parts).ifPresent(parts::addFirst);
        return parts;
    }

    private Optional<Part> preamble(SourceText source, List<Part> sections) {
        int end = starts.isEmpty() ? source.lineCount() : SourceText.firstLine(starts.getFirst());
        String body = titleHeading == null ? source.slice(0, end) : aroundTitle(source, titleHeading, end);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        boolean hasSummary =
                sections.stream().anyMatch(part -> SUMMARY.equals(part.section().meaning()));
        return Optional.of(part(hasSummary ? "Introduction" : "Summary", body, 0, end));
    }

    private static String aroundTitle(SourceText source, Heading title, int end) {
        return Stream.of(
                        source.slice(0, SourceText.firstLine(title)), source.slice(SourceText.lastLine(title) + 1, end))
                .filter(text -> !text.isEmpty())
                .collect(Collectors.joining("\n\n"));
    }

    private Part part(String heading, String body, int fromLine, int toLine) {
        List<Node> inside = blocks.stream()
                .filter(block -> block != titleHeading)
                .filter(block -> SourceText.firstLine(block) >= fromLine && SourceText.firstLine(block) < toLine)
                .toList();
        return new Part(
                new ImportedSection(heading, body, SectionMeanings.of(heading).orElse(null)), inside);
    }

    private static @Nullable Heading titleHeading(List<Heading> headings) {
        if (headings.isEmpty()) {
            return null;
        }
        Heading first = headings.getFirst();
        List<Heading> rest = headings.subList(1, headings.size());
        boolean above = rest.isEmpty() ? first.getLevel() == 1 : first.getLevel() < level(rest);
        // "## Timeline" over "### 13:35" headings is a section, where "# Incident summary: disk full" is a title.
        boolean section =
                first.getLevel() > 1 && SectionMeanings.of(PlainText.of(first)).isPresent();
        return above && !section ? first : null;
    }

    private static int level(List<Heading> headings) {
        Map<Integer, Long> uses = headings.stream().collect(groupingBy(Heading::getLevel, counting()));
        return uses.entrySet().stream()
                .filter(use -> use.getValue() >= 2)
                .mapToInt(Map.Entry::getKey)
                .min()
                .orElseGet(() ->
                        uses.keySet().stream().mapToInt(Integer::intValue).min().orElse(1));
    }

    private static List<Heading> sectionStarts(List<Heading> headings, int level) {
        List<Heading> starts = new ArrayList<>();
        String meaning = null;
        for (Heading heading : headings) {
            boolean dayInTimeline = "timeline".equals(meaning) && isDay(heading);
            if (heading.getLevel() <= level && !dayInTimeline) {
                starts.add(heading);
                meaning = SectionMeanings.of(PlainText.of(heading)).orElse(null);
            }
        }
        return starts;
    }

    private static boolean isDay(Heading heading) {
        Stamp stamp = Timestamps.read(PlainText.of(heading));
        return stamp.day() != null || stamp.time() != null;
    }
}
