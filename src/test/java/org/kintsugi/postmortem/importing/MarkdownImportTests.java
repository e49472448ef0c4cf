package org.kintsugi.postmortem.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownImportTests {

    static final ZoneId UTC = ZoneOffset.UTC;

    static ImportedDocument read(String markdown) {
        return MarkdownImport.read(markdown, "fallback title", UTC);
    }

    static ImportedDocument read(String markdown, String fallbackTitle) {
        return MarkdownImport.read(markdown, fallbackTitle, UTC);
    }

    @Nested
    @DisplayName("front matter")
    class FrontMatterRules {

        @Test
        void givesTheTitleDateAndZoneAndKeepsEveryValue() {
            var document = read("""
                    ---
                    title: Checkout down
                    date: 2023-02-14
                    timezone: Europe/Copenhagen
                    severity: 1
                    tags: [payments, eu]
                    ---
                    # Checkout unavailable

                    ## Timeline

                    - 10:29 paged the on-call
                    """);

            assertThat(document.title()).isEqualTo("Checkout down");
            assertThat(document.frontMatter())
                    .containsEntry("date", "2023-02-14")
                    .containsEntry("severity", 1)
                    .containsEntry("tags", List.of("payments", "eu"));
            assertThat(document.timeline())
                    .containsExactly(new ImportedEvent(Instant.parse("2023-02-14T09:29:00Z"), "paged the on-call"));
        }

        @Test
        void refusesBrokenYamlSayingWhichLineAndWhatIsWrong() {
            assertThatThrownBy(() -> read("---\ntitle: Checkout\nowner: Ada: Lovelace\n---\n# Checkout\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line 3")
                    .hasMessageContaining("mapping values are not allowed here");
        }

        @Test
        void refusesFrontMatterThatIsNeverClosed() {
            assertThatThrownBy(() -> read("---\ntitle: Checkout\n\n# Checkout\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line 1 is never closed");
        }

        @Test
        void refusesFrontMatterThatIsNotNamesAndValues() {
            assertThatThrownBy(() -> read("---\n- one\n- two\n---\n# Checkout\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be 'name: value' lines, but it is a single list");
        }

        @Test
        void numbersTimelineWarningsAsTheFileDoes() {
            var document = read("---\ntitle: x\n---\n## Timeline\n\n| Time | Event |\n|---|---|\n| soon | later |\n");

            assertThat(document.warnings()).singleElement().asString().startsWith("Line 8: ");
        }
    }

    @Nested
    @DisplayName("title")
    class Title {

        @Test
        void isTheSingleHeadingAboveTheSections() {
            var document = read("# Hub 403\n\n## Summary\n\nBroken.\n\n## Timeline\n\nLater.\n");

            assertThat(document.title()).isEqualTo("Hub 403");
            assertThat(document.sections()).extracting(ImportedSection::heading).containsExactly("Summary", "Timeline");
        }

        @Test
        void isTheFirstHeadingWhenNoneStandsAboveTheOthers() {
            var document = read("## Database outage\n\nIt broke.\n\n## Timeline\n\nLater.\n");

            assertThat(document.title()).isEqualTo("Database outage");
            assertThat(document.sections())
                    .extracting(ImportedSection::heading)
                    .containsExactly("Database outage", "Timeline");
        }

        @Test
        void isTheFallbackWhenTheFirstHeadingIsASectionName() {
            assertThat(read("## Summary\n\nIt broke.\n\n## Timeline\n\nLater.\n", "2023-01-23-ingress")
                            .title())
                    .isEqualTo("2023-01-23-ingress");
            assertThat(read("Just some words.\n", "notes").title()).isEqualTo("notes");
        }
    }

    @Nested
    @DisplayName("sections")
    class Sections {

        @Test
        void keepTheExactTextBetweenTheirHeadingsDeeperHeadingsIncluded() {
            String body = "Some *text*  \nwith a hard break.\n\n### Process\n\n1. Page   everyone\n\n    indented code";
            var document = read("# T\n\n## Action Items\n\n\n" + body + "\n\n\n## Stats\n- TTR: 1h\n");

            assertThat(document.sections())
                    .extracting(ImportedSection::heading, ImportedSection::body, ImportedSection::meaning)
                    .containsExactly(
                            tuple("Action Items", body, "action-items"), tuple("Stats", "- TTR: 1h", "metrics"));
        }

        @Test
        void doNotSplitOnHashLinesInsideCodeFences() {
            String body = "```bash\n# restart the hub\nkubectl delete pod hub\n## not a heading\n```";
            var document = read("# T\n\n## Resolution\n\n" + body + "\n\n## Lessons learned\n\nMore tests.\n");

            assertThat(document.sections())
                    .extracting(ImportedSection::heading)
                    .containsExactly("Resolution", "Lessons learned");
            assertThat(document.sections().getFirst().body()).isEqualTo(body);
        }

        @Test
        void readSetextHeadings() {
            var document = read("""
                    Persons ingestion delays
                    ========================

                    Incident Summary
                    ----------------

                    Ingestion was slow.

                    Timeline
                    --------

                    See the status page.
                    """);

            assertThat(document.title()).isEqualTo("Persons ingestion delays");
            assertThat(document.sections())
                    .extracting(ImportedSection::heading, ImportedSection::body, ImportedSection::meaning)
                    .containsExactly(
                            tuple("Incident Summary", "Ingestion was slow.", "summary"),
                            tuple("Timeline", "See the status page.", "timeline"));
        }

        @Test
        void turnTextBeforeTheFirstSectionIntoASummary() {
            var document = read("# Outage\n\nOn Monday the hub was down.\n\n## Timeline\n\nLater.\n");

            assertThat(document.sections().getFirst())
                    .isEqualTo(new ImportedSection("Summary", "On Monday the hub was down.", "summary"));
        }

        @Test
        void turnTextBeforeTheFirstSectionIntoAnIntroductionWhenThereIsASummary() {
            var document = read("Badge\n\n# Outage\n\nOn Monday.\n\n## Summary\n\nDown.\n");

            assertThat(document.sections())
                    .extracting(ImportedSection::heading, ImportedSection::body, ImportedSection::meaning)
                    .containsExactly(
                            tuple("Introduction", "Badge\n\nOn Monday.", null), tuple("Summary", "Down.", "summary"));
        }

        @Test
        void startAtAShallowerHeadingThatAppearsOnlyOnce() {
            var document = read("# Unhealthy node\n\n## Summary\n\nA.\n\n## Action Items\n\nB.\n\n# Stats\n\nC.\n");

            assertThat(document.title()).isEqualTo("Unhealthy node");
            assertThat(document.sections())
                    .extracting(ImportedSection::heading)
                    .containsExactly("Summary", "Action Items", "Stats");
        }

        @Test
        void keepDayHeadingsInsideTheTimeline() {
            var document = read("# Report May 12 2025\n\n## Timeline\n\n## May 12\n\n### 20:15\n\nTicket.\n\n"
                    + "## May 13\n\n### 14:30\n\nFound it.\n\n## Action Items\n\n- Write it up\n");

            assertThat(document.sections())
                    .extracting(ImportedSection::heading)
                    .containsExactly("Timeline", "Action Items");
            assertThat(document.timeline())
                    .extracting(ImportedEvent::at)
                    .containsExactly(Instant.parse("2025-05-12T20:15:00Z"), Instant.parse("2025-05-13T14:30:00Z"));
        }
    }

    @Nested
    @DisplayName("timeline")
    class Timeline {

        @Test
        void readsTableRowsTakingTheZoneFromTheTimeColumnHeader() {
            var document = read("""
                    ## Timeline

                    | Date and Time in CET | Event | Who |
                    |:---------------------|-------|-----|
                    | 2019-11-29 12:00     | Scaled *up* the cluster | SRE |
                    | 2019-12-03 --:--     | Surge of deployments | |
                    """);

            assertThat(document.timeline())
                    .containsExactly(
                            new ImportedEvent(Instant.parse("2019-11-29T11:00:00Z"), "Scaled up the cluster — SRE"));
            assertThat(document.warnings())
                    .containsExactly("Line 6: it has a date but no time, so it is not on the timeline: "
                            + "\"| 2019-12-03 --:--     | Surge of deployments | |\"");
        }

        @Test
        void findsTheTimeColumnByItsHeader() {
            var document = read("## Timeline\n\n| Event | When |\n|---|---|\n| Paged | 2023-02-14 10:29 |\n");

            assertThat(document.timeline())
                    .containsExactly(new ImportedEvent(Instant.parse("2023-02-14T10:29:00Z"), "Paged"));
        }

        @Test
        void readsListItemsThatStartWithATime() {
            var document = read("""
                    # 2023-02-14 Checkout down

                    ## Timeline

                    - 14:02 restarted the pods
                    * 2023-02-15 10:29: paged the on-call
                    - **10:45** rolled back
                    - 11:00 - all clear
                    - 11:30am customers told
                    - not an entry
                    """);

            assertThat(document.timeline())
                    .extracting(ImportedEvent::at, ImportedEvent::description)
                    .containsExactly(
                            tuple(Instant.parse("2023-02-14T14:02:00Z"), "restarted the pods"),
                            tuple(Instant.parse("2023-02-15T10:29:00Z"), "paged the on-call"),
                            tuple(Instant.parse("2023-02-15T10:45:00Z"), "rolled back"),
                            tuple(Instant.parse("2023-02-15T11:00:00Z"), "all clear"),
                            tuple(Instant.parse("2023-02-15T11:30:00Z"), "customers told"));
            assertThat(document.warnings()).isEmpty();
        }

        @ParameterizedTest(name = "\"{0}\" is {1}")
        @CsvSource(delimiter = '|', textBlock = """
                Sep 27 2017 13:06 x                | 2017-09-27T13:06:00Z
                27 Sep 2017, 13:06: x              | 2017-09-27T13:06:00Z
                Friday 29 November 2019 09:00 x    | 2019-11-29T09:00:00Z
                Thu 19. April, 11:00 x             | 2018-04-19T11:00:00Z
                July 11, 2025, 12:42 PM x          | 2025-07-11T12:42:00Z
                Jan 14, 10:18 AM - x               | 2018-01-14T10:18:00Z
                2021-12-10   15:40 x               | 2021-12-10T15:40:00Z
                2023-02-14T10:29:00Z x             | 2023-02-14T10:29:00Z
                14.02.2023 10:29 x                 | 2023-02-14T10:29:00Z
                2018-07-08 ca. 18:30 x             | 2018-07-08T18:30:00Z
                ~13:30-13:45 x                     | 2018-04-18T13:30:00Z
                17:14pm x                          | 2018-04-18T17:14:00Z
                12:05 AM x                         | 2018-04-18T00:05:00Z
                8 PM x                             | 2018-04-18T20:00:00Z
                10:29+02:00 x                      | 2018-04-18T08:29:00Z
                **22:30 CEST (Oct 29)** - x        | 2018-10-29T21:30:00Z
                """)
        void readsTheWaysPeopleWriteAMoment(String entry, Instant expected) {
            var document = read("# 2018-04-18, Culler flood\n\n## Timeline\n\n- " + entry + "\n");

            assertThat(document.timeline()).containsExactly(new ImportedEvent(expected, "x"));
        }

        @Test
        void readsTimeHeadingsCarryingTheDateForward() {
            var document = read("""
                    # 2017-09-27, Hub 403

                    ## Timeline

                    All times in PST

                    ### Sep 27 2017 13:06

                    Changes are deployed
                    to staging.

                    - first try fails

                    ### 13:35 - Beta deployed

                    Works the second time.

                    ### 2017-09-28 09:00

                    ## Action Items
                    """);

            assertThat(document.timeline())
                    .extracting(ImportedEvent::at, ImportedEvent::description)
                    .containsExactly(
                            tuple(
                                    Instant.parse("2017-09-27T20:06:00Z"),
                                    "Changes are deployed to staging. first try fails"),
                            tuple(Instant.parse("2017-09-27T20:35:00Z"), "Beta deployed: Works the second time."),
                            tuple(Instant.parse("2017-09-28T16:00:00Z"), ""));
        }

        @Test
        void warnsAboutAHeadingWithADayButNoTimeAndCarriesItsDay() {
            var document = read("## Timeline\n\n### 2018-01-15\n\nTravis fails.\n\n### 17:14\n\nReal.\n");

            assertThat(document.timeline())
                    .containsExactly(new ImportedEvent(Instant.parse("2018-01-15T17:14:00Z"), "Real."));
            assertThat(document.warnings())
                    .containsExactly(
                            "Line 3: it has a date but no time, so it is not on the timeline: \"### 2018-01-15\"");
        }

        @Test
        void carriesTheZoneLastWrittenWithAnEntry() {
            var document = read("## Timeline\n\n### 2017-11-30 16:22 PST\n\nA.\n\n### 17:07\n\nB.\n");

            assertThat(document.timeline())
                    .extracting(ImportedEvent::at)
                    .containsExactly(Instant.parse("2017-12-01T00:22:00Z"), Instant.parse("2017-12-01T01:07:00Z"));
        }

        @Test
        void movesATimeThatGoesBackMoreThanTwelveHoursToTheNextDay() {
            var document = read("# Incident on May 12 2025\n\n## Timeline\n\n### 23:00\n\nA.\n\n### 22:55\n\nB.\n\n"
                    + "### 00:40\n\nC.\n");

            assertThat(document.timeline())
                    .extracting(ImportedEvent::at)
                    .containsExactly(
                            Instant.parse("2025-05-12T23:00:00Z"),
                            Instant.parse("2025-05-12T22:55:00Z"),
                            Instant.parse("2025-05-13T00:40:00Z"));
        }

        @ParameterizedTest(name = "\"{0}\" puts 10:00 at {1}")
        @CsvSource(delimiter = '|', textBlock = """
                All times in UTC.                          | 2024-01-15T10:00:00Z
                All times in PST                           | 2024-01-15T18:00:00Z
                _All times in EEST_                        | 2024-01-15T08:00:00Z
                All times in CET                           | 2024-01-15T09:00:00Z
                All times in Central European Time (CET)   | 2024-01-15T09:00:00Z
                All times in UTC+2                         | 2024-01-15T08:00:00Z
                All times in GMT-7                         | 2024-01-15T17:00:00Z
                All times in IST                           | 2024-01-15T04:30:00Z
                Times are in Europe/Zurich                 | 2024-01-15T09:00:00Z
                All times in UC/Pacific                    | 2024-01-15T18:00:00Z
                """)
        void takesTheZoneFromAPhraseInTheSection(String phrase, Instant expected) {
            var document = read("## Timeline\n\n" + phrase + "\n\n- 2024-01-15 10:00 started\n");

            assertThat(document.timeline()).extracting(ImportedEvent::at).containsExactly(expected);
        }

        @Test
        void takesTheZoneFromTheHeadingAndPrefersOneWrittenWithTheTime() {
            var document = read("## Timeline (times in BST)\n\n- 2024-07-01 10:00 a\n- 10:30 UTC b\n", "x");

            assertThat(document.timeline())
                    .extracting(ImportedEvent::at)
                    .containsExactly(Instant.parse("2024-07-01T09:00:00Z"), Instant.parse("2024-07-01T10:30:00Z"));
        }

        @Test
        void usesTheDefaultZoneWhenNothingSaysOtherwise() {
            var document =
                    MarkdownImport.read("## Timeline\n\n- 2024-07-01 10:00 a\n", "x", ZoneId.of("America/New_York"));

            assertThat(document.timeline())
                    .extracting(ImportedEvent::at)
                    .containsExactly(Instant.parse("2024-07-01T14:00:00Z"));
        }

        @Test
        void takesTheDocumentDateFromTheFallbackTitleLikeAFileName() {
            var document = read(
                    "## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| Jan 14, 10:18 AM | Reported |\n",
                    "2026-01-17-replay-sdk-fetch-wrapper-incident");

            assertThat(document.timeline())
                    .containsExactly(new ImportedEvent(Instant.parse("2026-01-14T10:18:00Z"), "Reported"));
        }

        @Test
        void skipsTimesWithoutAnyDateWithAWarning() {
            var document = read("# Outage\n\n## Timeline\n\n- 14:02 restarted\n", "notes");

            assertThat(document.timeline()).isEmpty();
            assertThat(document.warnings())
                    .containsExactly(
                            "Line 5: it has a time but no date, and neither the "
                                    + "entries above it nor the document say, so it is not on the timeline: \"- 14:02 restarted\"");
        }

        @Test
        void readsUnambiguousNumericDatesAndWarnsAboutTheOthers() {
            var document = read("## Timeline\n\n- 14/02/2023 10:29 paged\n- 03/04/2023 11:00 rolled back\n");

            assertThat(document.timeline())
                    .containsExactly(new ImportedEvent(Instant.parse("2023-02-14T10:29:00Z"), "paged"));
            assertThat(document.warnings())
                    .singleElement()
                    .asString()
                    .startsWith("Line 4: '03/04/2023' could be day/month or month/day");
        }

        @Test
        void warnsAboutEveryTableRowWithoutATime() {
            var document = read("## Timeline\n\n| Time | Event |\n|---|---|\n| 20202-01-24 12:00 | Typo |\n"
                    + "| 2024-03-13 14:?? | Unsure |\n| 25:70 | Impossible |\n");

            assertThat(document.timeline()).isEmpty();
            assertThat(document.warnings())
                    .containsExactly(
                            "Line 5: '20202-01-24' is not a date, so it is not on the timeline: \"| 20202-01-24 12:00 | Typo |\"",
                            "Line 6: it has a date but no time, so it is not on the timeline: \"| 2024-03-13 14:?? | Unsure |\"",
                            "Line 7: '25:70' is not a time of day, so it is not on the timeline: \"| 25:70 | Impossible |\"");
        }

        @Test
        void readsOnlyTimelineSections() {
            var document = read("# 2024-01-15 Outage\n\n## Summary\n\n- 10:00 started\n\n## Notes\n\n- 11:00 noted\n");

            assertThat(document.timeline()).isEmpty();
            assertThat(document.warnings()).isEmpty();
        }

        @Test
        void shortensLongDescriptions() {
            var document = read("## Timeline\n\n- 2024-01-15 10:00 " + "word ".repeat(1_000) + "\n");

            assertThat(document.timeline().getFirst().description())
                    .hasSize(2_000)
                    .endsWith("…");
        }
    }

    @Nested
    @DisplayName("the shared corpus of real postmortems")
    class Corpus {

        static final Path FOLDER = Path.of("../shared/corpus/postmortems");
        static final Pattern READABLE_TIME = Pattern.compile("(?<!\\d)\\d{1,2}:\\d{2}(?!\\d)");
        static final Pattern BLANK_OR_HEADING_LINE = Pattern.compile("(?m)^(?:[ \\t]*| {0,3}#{1,6}(?:[ \\t].*)?)$");
        static final Pattern WARNED_LINE = Pattern.compile("Line (\\d+): ");
        static final Pattern UNDERLINE = Pattern.compile(" {0,3}(?:=+|-+)[ \\t]*");

        record Imported(String file, String markdown, ImportedDocument document) {}

        static List<Imported> corpus() throws IOException {
            assumeTrue(Files.isDirectory(FOLDER), "The shared corpus is not at " + FOLDER.toAbsolutePath());
            try (Stream<Path> files = Files.walk(FOLDER)) {
                List<Imported> imported = new ArrayList<>();
                for (Path file : files.filter(path -> path.toString().endsWith(".md"))
                        .sorted()
                        .toList()) {
                    String markdown = Files.readString(file);
                    String name = FOLDER.relativize(file).toString();
                    String fallback = file.getFileName().toString().replaceFirst("\\.md$", "");
                    imported.add(new Imported(name, markdown, MarkdownImport.read(markdown, fallback, UTC)));
                }
                return imported;
            }
        }

        @Test
        void readsEveryFileKeepingEveryParagraphAsWritten() throws IOException {
            List<Imported> corpus = corpus();

            assertThat(corpus).hasSize(75);
            assertThat(corpus.stream().flatMap(imported -> lost(imported).stream()))
                    .isEmpty();
        }

        static List<String> lost(Imported imported) {
            ImportedDocument document = imported.document();
            return paragraphs(imported.markdown()).stream()
                    .filter(paragraph -> !document.title().contains(paragraph)
                            && document.sections().stream()
                                    .noneMatch(section -> section.body().contains(paragraph)))
                    .map(paragraph -> imported.file() + " lost: " + paragraph)
                    .toList();
        }

        @Test
        void findsEventsInEveryTimelineThatHasATime() throws IOException {
            List<Imported> corpus = corpus();
            System.out.println(table(corpus));

            List<Imported> withTimes =
                    corpus.stream().filter(Corpus::hasATimeNoWarningIsAbout).toList();
            assertThat(withTimes).hasSizeGreaterThan(60);
            assertThat(withTimes)
                    .filteredOn(imported -> imported.document().timeline().isEmpty())
                    .extracting(Imported::file)
                    .isEmpty();
        }

        // A line of a timeline section with a time on it, such as "| 2023-02-14 10:29 |" or "### 13:35", that no
        // warning names: a file whose every such line is warned about (all its dates typed "20202-01-16") is excused.
        static boolean hasATimeNoWarningIsAbout(Imported imported) {
            Set<Integer> warned = imported.document().warnings().stream()
                    .map(WARNED_LINE::matcher)
                    .filter(Matcher::lookingAt)
                    .map(line -> Integer.parseInt(line.group(1)))
                    .collect(Collectors.toSet());
            List<String> timelines = imported.document().sections().stream()
                    .filter(section -> "timeline".equals(section.meaning()))
                    .map(ImportedSection::body)
                    .toList();
            List<String> lines = imported.markdown().lines().toList();
            return IntStream.range(0, lines.size())
                    .filter(index -> !warned.contains(index + 1)
                            && READABLE_TIME.matcher(lines.get(index)).find())
                    .anyMatch(index -> timelines.stream().anyMatch(body -> body.contains(lines.get(index))));
        }

        // The text between blank lines and heading lines, without the "Title" over "-----" of setext headings.
        static List<String> paragraphs(String markdown) {
            return BLANK_OR_HEADING_LINE
                    .splitAsStream(markdown)
                    .map(chunk -> withoutSetextHeading(chunk).strip())
                    .filter(chunk -> !chunk.isEmpty())
                    .toList();
        }

        static String withoutSetextHeading(String chunk) {
            List<String> lines = chunk.strip().lines().toList();
            boolean setext =
                    lines.size() >= 2 && UNDERLINE.matcher(lines.get(1)).matches();
            return setext ? String.join("\n", lines.subList(2, lines.size())) : chunk;
        }

        static String table(List<Imported> corpus) {
            StringBuilder table = new StringBuilder(String.format(
                    "%-72s %8s %7s %6s %8s  %s%n", "file", "sections", "matched", "events", "warnings", "not matched"));
            int sections = 0, matched = 0, events = 0, warnings = 0, withTimeline = 0;
            for (Imported imported : corpus) {
                ImportedDocument document = imported.document();
                List<String> unknown = document.sections().stream()
                        .filter(section -> section.meaning() == null)
                        .map(ImportedSection::heading)
                        .toList();
                int known = document.sections().size() - unknown.size();
                table.append(String.format(
                        "%-72s %8d %7d %6d %8d  %s%n",
                        imported.file(),
                        document.sections().size(),
                        known,
                        document.timeline().size(),
                        document.warnings().size(),
                        unknown));
                sections += document.sections().size();
                matched += known;
                events += document.timeline().size();
                warnings += document.warnings().size();
                withTimeline += document.timeline().isEmpty() ? 0 : 1;
            }
            corpus.stream()
                    .flatMap(imported -> imported.document().sections().stream())
                    .collect(Collectors.groupingBy(
                            section -> section.heading() + " → " + section.meaning(),
                            TreeMap::new,
                            Collectors.counting()))
                    .forEach((mapping, count) -> table.append(String.format("%4d × %s%n", count, mapping)));
            corpus.forEach(imported -> imported.document()
                    .warnings()
                    .forEach(warning -> table.append(imported.file())
                            .append(": ")
                            .append(warning)
                            .append('\n')));
            return table.append(String.format(
                            "%d files, %d sections, %d with a meaning, %d events from %d files, " + "%d warnings%n",
                            corpus.size(), sections, matched, events, withTimeline, warnings))
                    .toString();
        }
    }
}
