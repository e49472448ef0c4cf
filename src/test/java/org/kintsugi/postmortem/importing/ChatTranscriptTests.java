package org.kintsugi.postmortem.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kintsugi.postmortem.TimelineKind;

class ChatTranscriptTests {

    static final LocalDate DAY = LocalDate.of(2023, 2, 14);

    static TranscriptReading read(String text) {
        return ChatTranscript.read(text, DAY, ZoneOffset.UTC);
    }

    static TranscriptEntry only(TranscriptReading reading) {
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.entries()).hasSize(1);
        return reading.entries().getFirst();
    }

    @Nested
    @DisplayName("Lines that start with a time")
    class TimeFirst {

        @Test
        void readsTimeAuthorAndText() {
            var entry = only(read("14:02 alice: restarted the pods"));
            assertThat(entry)
                    .isEqualTo(new TranscriptEntry(
                            1,
                            Instant.parse("2023-02-14T14:02:00Z"),
                            "alice",
                            "restarted the pods",
                            TimelineKind.ACTION));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                14:02:33 alice: restarted the pods   | 2023-02-14T14:02:33Z
                [14:02] alice: restarted the pods    | 2023-02-14T14:02:00Z
                [14:02:33] alice: restarted the pods | 2023-02-14T14:02:33Z
                14:02 - alice: restarted the pods    | 2023-02-14T14:02:00Z
                """)
        void acceptsSecondsBracketsAndADash(String line, Instant at) {
            var entry = only(read(line));
            assertThat(entry.at()).isEqualTo(at);
            assertThat(entry.author()).isEqualTo("alice");
            assertThat(entry.text()).isEqualTo("restarted the pods");
        }

        @Test
        void leavesTheAuthorEmptyWhenTheLineNamesNone() {
            var entry = only(read("14:02 restarted the pods"));
            assertThat(entry.author()).isEmpty();
            assertThat(entry.text()).isEqualTo("restarted the pods");
        }

        @Test
        void doesNotTakeALinkForAnAuthor() {
            var entry = only(read("14:02 https://grafana.example/d/api looks bad"));
            assertThat(entry.author()).isEmpty();
            assertThat(entry.text()).isEqualTo("https://grafana.example/d/api looks bad");
        }

        @Test
        void readsTimesInTheChosenZone() {
            var reading = ChatTranscript.read("14:02 alice: restarted the pods", DAY, ZoneId.of("America/New_York"));
            assertThat(only(reading).at()).isEqualTo(Instant.parse("2023-02-14T19:02:00Z"));
        }
    }

    @Nested
    @DisplayName("Lines with a full date and time")
    class FullTimestamps {

        @Test
        void aWrittenDateWinsOverTheChosenOne() {
            var reading = ChatTranscript.read(
                    "2023-02-14 14:02 alice: restarted the pods", LocalDate.of(2023, 1, 1), ZoneId.of("Europe/Berlin"));
            var entry = only(reading);
            assertThat(entry.at()).isEqualTo(Instant.parse("2023-02-14T13:02:00Z"));
            assertThat(entry.author()).isEqualTo("alice");
        }

        @Test
        void anExplicitOffsetWinsOverTheChosenZone() {
            var reading = ChatTranscript.read("""
                    2023-02-14T14:02:00Z alice: restarted the pods
                    2023-02-14T16:10:00+01:00 bob: looks better
                    """, DAY, ZoneId.of("America/New_York"));
            assertThat(reading.problems()).isEmpty();
            assertThat(reading.entries())
                    .extracting(TranscriptEntry::at)
                    .containsExactly(Instant.parse("2023-02-14T14:02:00Z"), Instant.parse("2023-02-14T15:10:00Z"));
        }

        @Test
        void laterTimesFollowTheWrittenDate() {
            var reading = ChatTranscript.read("""
                    [2023-02-20 09:00:00] alice: paged
                    09:05 bob: looking
                    """, DAY, ZoneOffset.UTC);
            assertThat(reading.entries())
                    .extracting(TranscriptEntry::at)
                    .containsExactly(Instant.parse("2023-02-20T09:00:00Z"), Instant.parse("2023-02-20T09:05:00Z"));
        }
    }

    @Nested
    @DisplayName("12-hour clocks")
    class TwelveHour {

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                2:02 PM alice: restarted the pods     | 2023-02-14T14:02:00Z
                [2:02 PM] alice: restarted the pods   | 2023-02-14T14:02:00Z
                2:02 pm alice: restarted the pods     | 2023-02-14T14:02:00Z
                [2:02:09 p.m.] alice: restarted the pods | 2023-02-14T14:02:09Z
                12:05 AM alice: restarted the pods    | 2023-02-14T00:05:00Z
                12:30 PM alice: restarted the pods    | 2023-02-14T12:30:00Z
                9:15 AM alice: restarted the pods     | 2023-02-14T09:15:00Z
                """)
        void readsMorningAndAfternoon(String line, Instant at) {
            var entry = only(read(line));
            assertThat(entry.at()).isEqualTo(at);
            assertThat(entry.author()).isEqualTo("alice");
            assertThat(entry.text()).isEqualTo("restarted the pods");
        }

        @Test
        void doesNotMistakeANameStartingWithAmForTheMorning() {
            var entry = only(read("14:02 amy: restarted the pods"));
            assertThat(entry.at()).isEqualTo(Instant.parse("2023-02-14T14:02:00Z"));
            assertThat(entry.author()).isEqualTo("amy");
        }
    }

    @Nested
    @DisplayName("Slack copy-paste")
    class Slack {

        @Test
        void readsNameLinesWithTheMessageBelow() {
            var reading = read("""
                    Alice Smith  2:02 PM
                    restarted the pods
                    looks better now

                    Bob Jones  2:05 PM
                    :eyes: checking the dashboards
                    """);
            assertThat(reading.problems()).isEmpty();
            assertThat(reading.entries())
                    .containsExactly(
                            new TranscriptEntry(
                                    1,
                                    Instant.parse("2023-02-14T14:02:00Z"),
                                    "Alice Smith",
                                    "restarted the pods\nlooks better now",
                                    TimelineKind.ACTION),
                            new TranscriptEntry(
                                    5,
                                    Instant.parse("2023-02-14T14:05:00Z"),
                                    "Bob Jones",
                                    ":eyes: checking the dashboards",
                                    TimelineKind.OBSERVATION));
        }

        @Test
        void readsTheCompactFormAndGroupedMessagesOfTheSamePerson() {
            var reading = read("""
                    Alice Smith [2:02 PM]
                    restarted the pods
                    [2:03 PM] second message from the same person
                    bob [14:07]
                    on it
                    """);
            assertThat(reading.problems()).isEmpty();
            assertThat(reading.entries())
                    .extracting(
                            TranscriptEntry::line, TranscriptEntry::at, TranscriptEntry::author, TranscriptEntry::text)
                    .containsExactly(
                            tuple(1, Instant.parse("2023-02-14T14:02:00Z"), "Alice Smith", "restarted the pods"),
                            tuple(
                                    3,
                                    Instant.parse("2023-02-14T14:03:00Z"),
                                    "Alice Smith",
                                    "second message from the same person"),
                            tuple(4, Instant.parse("2023-02-14T14:07:00Z"), "bob", "on it"));
        }

        @Test
        void acceptsTheNoBreakSpaceSlackPutsBeforePm() {
            var entry = only(read("Alice Smith\u00A0\u00A02:02\u202FPM\nrestarted the pods"));
            assertThat(entry.author()).isEqualTo("Alice Smith");
            assertThat(entry.at()).isEqualTo(Instant.parse("2023-02-14T14:02:00Z"));
        }

        @Test
        void doesNotTakeAMessageEndingInATimeForANameLine() {
            var entry = only(read("Alice Smith  2:02 PM\nback at 14:30\nETA [15:00]?"));
            assertThat(entry.text()).isEqualTo("back at 14:30\nETA [15:00]?");
        }
    }

    @Nested
    @DisplayName("Multi-line messages and blank lines")
    class Continuations {

        @Test
        void joinsLinesWithoutATimeToTheMessageAbove() {
            var reading = read("""
                    14:02 alice: restarted the pods

                    error rate is dropping
                      p99 still high
                    14:05 bob: ok
                    """);
            assertThat(reading.problems()).isEmpty();
            assertThat(reading.entries())
                    .extracting(TranscriptEntry::line, TranscriptEntry::text)
                    .containsExactly(
                            tuple(1, "restarted the pods\nerror rate is dropping\np99 still high"), tuple(5, "ok"));
        }

        @Test
        void takesTheTextFromBelowWhenTheTimeLineHasNone() {
            var entry = only(read("14:02 alice:\r\nrestarted the pods\r\n"));
            assertThat(entry.author()).isEqualTo("alice");
            assertThat(entry.text()).isEqualTo("restarted the pods");
        }

        @Test
        void readsNothingFromAnEmptyPaste() {
            var reading = read("\n   \n\n");
            assertThat(reading.entries()).isEmpty();
            assertThat(reading.problems()).isEmpty();
        }
    }

    @Nested
    @DisplayName("Lines that cannot be read")
    class Problems {

        static final String TRANSCRIPT = """
                foo bar

                14:02 alice: restarted the pods
                still restarting
                25:61 alice: x
                more of the unreadable message
                2023-02-30 14:10 bob: rolled back
                14:12 carol:
                13:00 PM dave: hello
                14:15 erin: rolled back
                """;

        @Test
        void reportsEachBadLineByNumberAndStillReadsTheGoodOnes() {
            var reading = read(TRANSCRIPT);
            assertThat(reading.problems()).extracting(LineProblem::line).containsExactly(1, 5, 7, 8, 9);
            assertThat(reading.entries())
                    .extracting(TranscriptEntry::line, TranscriptEntry::author, TranscriptEntry::text)
                    .containsExactly(
                            tuple(3, "alice", "restarted the pods\nstill restarting"),
                            tuple(10, "erin", "rolled back"));
        }

        @Test
        void saysWhichLineAndWhatShapeWasExpected() {
            var problems = read(TRANSCRIPT).problems();
            assertThat(problems)
                    .extracting(LineProblem::message)
                    .containsExactly(
                            "Line 1: \"foo bar\" has no time; expected a line like \"14:02 alice: restarted the pods\".",
                            "Line 5: \"25:61 alice: x\" has a time that does not exist (25:61); expected hours 00 to 23"
                                    + " and minutes 00 to 59, like \"14:02 alice: restarted the pods\".",
                            "Line 7: \"2023-02-30 14:10 bob: rolled back\" has a date that does not exist"
                                    + " (2023-02-30); expected year-month-day, like \"2023-02-14 14:02 alice:"
                                    + " restarted the pods\".",
                            "Line 8: \"14:12 carol:\" has no message after the time; expected a line like"
                                    + " \"14:02 alice: restarted the pods\".",
                            "Line 9: \"13:00 PM dave: hello\" has a time that does not exist (13:00 PM); expected"
                                    + " hours 1 to 12 before AM or PM, like \"2:02 PM alice: restarted the pods\".");
            assertThat(problems.get(1).text()).isEqualTo("25:61 alice: x");
        }

        @Test
        void reportsAnOffsetThatDoesNotExist() {
            var problem = read("2023-02-14T14:02:00+25:00 alice: restarted the pods")
                    .problems()
                    .getFirst();
            assertThat(problem.message())
                    .isEqualTo("Line 1: \"2023-02-14T14:02:00+25:00 alice: restarted the pods\" has a time zone"
                            + " offset that does not exist (+25:00); expected Z or one like +01:00.");
        }

        @Test
        void reportsASlackNameLineWithNothingBelow() {
            var reading = read("Alice Smith  2:02 PM\nBob Jones  2:05 PM\non it");
            assertThat(reading.problems()).extracting(LineProblem::line).containsExactly(1);
            assertThat(reading.entries()).extracting(TranscriptEntry::author).containsExactly("Bob Jones");
        }

        @Test
        void shortensLongLinesInTheMessage() {
            String line = "x".repeat(100);
            var problem = read(line).problems().getFirst();
            assertThat(problem.text()).isEqualTo(line);
            assertThat(problem.message()).startsWith("Line 1: \"" + "x".repeat(59) + "…\" has no time;");
        }
    }

    @Nested
    @DisplayName("Crossing midnight")
    class Midnight {

        @Test
        void movesToTheNextDayWhenTimesJumpBack() {
            var reading = read("""
                    23:58 alice: still firing
                    00:03 bob: rolled back
                    01:30 bob: stable
                    """);
            assertThat(reading.entries())
                    .extracting(TranscriptEntry::at)
                    .containsExactly(
                            Instant.parse("2023-02-14T23:58:00Z"),
                            Instant.parse("2023-02-15T00:03:00Z"),
                            Instant.parse("2023-02-15T01:30:00Z"));
        }

        @Test
        void keepsTheDayForStepsBackOfUpToSixHours() {
            var reading = read("""
                    14:00 alice: restarted the pods
                    13:10 bob: noticed the errors earlier
                    07:10 carol: exactly six hours back stays on the day
                    01:09 dave: a minute more is the next day
                    """);
            assertThat(reading.entries())
                    .extracting(TranscriptEntry::at)
                    .containsExactly(
                            Instant.parse("2023-02-14T14:00:00Z"),
                            Instant.parse("2023-02-14T13:10:00Z"),
                            Instant.parse("2023-02-14T07:10:00Z"),
                            Instant.parse("2023-02-15T01:09:00Z"));
        }
    }

    @Nested
    @DisplayName("Daylight saving time")
    class DaylightSaving {

        static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

        @Test
        void movesATimeInTheSpringGapForwardByTheGap() {
            var reading = ChatTranscript.read("""
                    01:59 alice: paged
                    02:30 bob: looking
                    03:01 alice: restarted
                    """, LocalDate.of(2024, 3, 31), BERLIN);
            assertThat(reading.entries())
                    .extracting(TranscriptEntry::at)
                    .containsExactly(
                            Instant.parse("2024-03-31T00:59:00Z"),
                            Instant.parse("2024-03-31T01:30:00Z"),
                            Instant.parse("2024-03-31T01:01:00Z"));
        }

        @Test
        void takesTheEarlierOffsetInTheAutumnOverlap() {
            var reading = ChatTranscript.read("02:30 alice: paged", LocalDate.of(2024, 10, 27), BERLIN);
            assertThat(only(reading).at()).isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
        }
    }

    @Nested
    @DisplayName("Guessing the kind of moment")
    class Kinds {

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                PagerDuty alert firing for checkout        | DETECTION
                I was paged                                | DETECTION
                noticed 500s on the API                    | DETECTION
                Restarted the pods                         | ACTION
                failed   over to eu-west                   | ACTION
                applied the hotfix                         | ACTION
                decided to keep the feature flag off       | DECISION
                Let’s roll back                            | DECISION
                we will wait for the next deploy window    | DECISION
                posted on the status page                  | COMMUNICATION
                update: we rolled back                     | COMMUNICATION
                emailed the customers                      | COMMUNICATION
                rolled back after the update:              | ACTION
                the pages load slowly                      | OBSERVATION
                prefixed keys look odd                     | OBSERVATION
                latency is back to normal                  | OBSERVATION
                """)
        void guessesFromTheFirstTellingWord(String text, TimelineKind kind) {
            assertThat(KindGuess.of(text)).isEqualTo(kind);
        }

        @ParameterizedTest
        @ValueSource(strings = {"14:02 alice: Alert firing", "alice [14:02]\nalert firing"})
        void guessesTheKindOfEachMessageRead(String transcript) {
            assertThat(only(read(transcript)).kind()).isEqualTo(TimelineKind.DETECTION);
        }
    }
}
