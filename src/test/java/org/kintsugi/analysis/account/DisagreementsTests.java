package org.kintsugi.analysis.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.analysis.account.Disagreements.Said;

class DisagreementsTests {

    static final Instant T = Instant.parse("2026-11-19T14:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(5);

    final List<Said> said = new ArrayList<>();
    long nextEntry = 1;

    /** Person {@code author} (whose account has the same id) says something {@code seconds} after T. */
    Said says(long author, int seconds, EntryKind kind, String text) {
        Said s = new Said(author, author, new EntryView(nextEntry++, T.plusSeconds(seconds), kind, text));
        said.add(s);
        return s;
    }

    Map<String, String> points() {
        return Disagreements.find(said, WINDOW);
    }

    static String key(Said s) {
        return Disagreements.key(s.accountId(), s.entry().id());
    }

    @Nested
    @DisplayName("Two people's observations")
    class TwoObservations {

        @Test
        void threeMinutesApartAndDifferentMakeOnePointToDiscuss() {
            Said alice = says(1, 0, EntryKind.OBSERVED, "The error rate on checkout was climbing");
            Said bob = says(2, 180, EntryKind.OBSERVED, "The checkout dashboard was all green");

            Map<String, String> points = points();

            assertThat(points).containsOnlyKeys(key(alice), key(bob));
            assertThat(new HashSet<>(points.values())).hasSize(1);
        }

        @Test
        void theSameWordsInAnotherCaseOrPunctuationAreNoDisagreement() {
            says(1, 0, EntryKind.OBSERVED, "Checkout returned 502s.");
            says(2, 180, EntryKind.OBSERVED, "  checkout   returned 502s!");
            assertThat(points()).isEmpty();
        }

        @Test
        void twentyMinutesApartIsNotTheSameMoment() {
            says(1, 0, EntryKind.OBSERVED, "The error rate on checkout was climbing");
            says(2, 20 * 60, EntryKind.OBSERVED, "The checkout dashboard was all green");
            assertThat(points()).isEmpty();
        }

        @Test
        void exactlyTheWindowApartStillCounts() {
            says(1, 0, EntryKind.OBSERVED, "Queue depth at 40k");
            says(2, 300, EntryKind.OBSERVED, "Queue was empty");
            assertThat(points()).hasSize(2);
        }
    }

    @Test
    void onePersonsOwnEntriesNeverDisagreeWithEachOther() {
        says(1, 0, EntryKind.OBSERVED, "Latency was fine");
        says(1, 60, EntryKind.OBSERVED, "Latency jumped to 4 s");
        assertThat(points()).isEmpty();
    }

    @Test
    void whatPeopleDidExpectedOrAssumedIsNotCompared() {
        says(1, 0, EntryKind.DID, "Restarted the payment pods");
        says(2, 60, EntryKind.DID, "Opened the incident channel");
        says(1, 90, EntryKind.EXPECTED, "The restart to clear the errors");
        says(2, 120, EntryKind.ASSUMED, "The database was the cause");
        assertThat(points()).isEmpty();
    }

    @Test
    void howSomeoneUnderstoodTheMomentIsComparedWithWhatAnotherObserved() {
        says(1, 0, EntryKind.UNDERSTOOD, "Only the EU region was affected");
        says(2, 120, EntryKind.OBSERVED, "US customers were failing too");
        assertThat(points()).hasSize(2);
    }

    @Test
    void differencesLinkedThroughOneAnotherAreOnePoint() {
        Said alice = says(1, 0, EntryKind.OBSERVED, "Error rate climbing");
        Said bob = says(2, 240, EntryKind.OBSERVED, "All green");
        Said carol = says(3, 480, EntryKind.OBSERVED, "Half the pods restarting");
        Said late = says(1, 3600, EntryKind.OBSERVED, "Recovered");

        Map<String, String> points = points();

        assertThat(points).containsOnlyKeys(key(alice), key(bob), key(carol));
        assertThat(new HashSet<>(points.values())).hasSize(1);
        assertThat(points).doesNotContainKey(key(late));
    }

    @Test
    void normalisingSetsAsideCaseCompatibilityFormsPunctuationAndSpacing() {
        assertThat(Disagreements.normalised("  The ＤＢ   was DOWN!! ")).isEqualTo("the db was down");
    }
}
