package org.kintsugi.analysis.coach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The classifier's part of the coach: blame without a listed word, left-alone look-alikes, and the sentence cache. */
class BlameClassifierTests {

    final LanguageCoach coach = new LanguageCoach();

    @Nested
    @DisplayName("blame that uses no word a rule knows")
    class Blame {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "PERSON_AS_CAUSE | The whole checkout went down because Kwabena pushed his change on a Friday evening.",
                    "JUDGEMENT | Honestly, Ines just does not care about the quality of her reviews.",
                    "HUMAN_ERROR | The config was wrong because the engineer on call typed the wrong value by hand."
                })
        void isFlaggedWithAClauseACategoryAndASuggestion(Category category, String sentence) {
            var findings = coach.review(sentence).findings();
            assertThat(findings).as(sentence).isNotEmpty();
            Finding finding = findings.getFirst();
            assertThat(finding.category()).as(sentence).isEqualTo(category);
            assertThat(sentence).contains(finding.text());
            assertThat(finding.explanation()).isNotBlank();
            assertThat(finding.suggestion()).isNotBlank();
        }

        @Test
        void pointsAtTheClauseThatNamesThePerson() {
            String text = "Checkout failed for an hour because Kwabena pushed his change on a Friday evening.";
            Finding finding = coach.review(text).findings().getFirst();
            assertThat(finding.rule()).isEqualTo(BlameClassifier.RULE_ID);
            assertThat(finding.text()).startsWith("Kwabena pushed");
            assertThat(text.substring(finding.start(), finding.end())).isEqualTo(finding.text());
        }

        @Test
        void recognisesANameByItsRoleNotByAList() {
            assertThat(coach.review("Olu should have checked the dashboard before deploying.")
                            .findings())
                    .isNotEmpty();
            assertThat(coach.review("Bob should have checked the dashboard before deploying.")
                            .findings())
                    .isNotEmpty();
        }
    }

    @Nested
    @DisplayName("which sentences the classifier weighs")
    class Weighing {

        static boolean weighs(String text) {
            Tokens tokens = Tokens.of(text);
            return Signals.worthWeighing(new Sentence(tokens, 0, tokens.size));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Nour dropped the index.",
                    "Zanele carelessly deleted the volume.",
                    "This incident happened because of Tavita.",
                    "Marketing sent the campaign to the full list.",
                    "A quick diff before merging would have caught the deleted line.",
                    "It was obvious from the first diff that the config was wrong.",
                    "RCA: manual error while updating the DNS records.",
                    "The firewall rule was added by Rustam at 09:12.",
                    "Seriously impressive how the night shift lost a whole pallet 🙃"
                })
        void blameThatNamesNoPersonIsWeighed(String sentence) {
            assertThat(weighs(sentence)).as(sentence).isTrue();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "The error rate rose to 4% within a minute.",
                    "The outage was caused by a race condition in the cache layer.",
                    "The database should have failed over automatically but did not.",
                    "This was not human error: the form allowed an ambiguous choice.",
                    "Disk usage grew by 2 GB an hour.",
                    "Checkout failed for 52 minutes.",
                    "Traffic dropped to zero in the EU region."
                })
        void plainStatementsAboutSystemsAreNot(String sentence) {
            assertThat(weighs(sentence)).as(sentence).isFalse();
        }

        @Test
        void timelineCuesAreSignals() {
            Tokens tokens = Tokens.of("At 14:02 UTC Rustam paged the database team.");
            float[] signals = Signals.of(new Sentence(tokens, 0, tokens.size), java.util.Set.of());
            assertThat(signals[Signals.NAMES.indexOf("clock-time")]).isEqualTo(1f);
            assertThat(signals[Signals.NAMES.indexOf("response-verb")]).isEqualTo(1f);
            Tokens plain = Tokens.of("Rustam never reads the runbook.");
            float[] none = Signals.of(new Sentence(plain, 0, plain.size), java.util.Set.of());
            assertThat(none[Signals.NAMES.indexOf("clock-time")]).isZero();
            assertThat(none[Signals.NAMES.indexOf("response-verb")]).isZero();
        }
    }

    @Nested
    @DisplayName("look-alikes left alone")
    class LookAlikes {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "We removed the phrase \"human error\" from the incident template.",
                    "The operator process restarted the pods after the node drained.",
                    "The fault injector killed one replica every ten minutes, as planned.",
                    "We should add a pre-flight check to the deploy pipeline.",
                    "The certificate expired at 03:00 and the load balancer rejected new connections."
                })
        void areNotFlagged(String sentence) {
            assertThat(coach.review(sentence).findings()).as(sentence).isEmpty();
        }
    }

    @Nested
    @DisplayName("the sentence cache")
    class Cache {

        @Test
        void embedsOnlyTheSentencesThatChanged() {
            String text = "Kwabena pushed his change on a Friday evening. Amara had reviewed it in a hurry. "
                    + "The team on call saw the alert at 21:40.";
            coach.review(text);
            int first = coach.embedded();
            assertThat(first).isEqualTo(3);
            coach.review(text);
            assertThat(coach.embedded()).isEqualTo(first);
            coach.review(text.replace("in a hurry", "the next morning"));
            assertThat(coach.embedded()).isEqualTo(first + 1);
        }

        @Test
        void doesNotEmbedSentencesThatNameNobody() {
            coach.review("The certificate expired at 03:00. The load balancer rejected new connections.");
            assertThat(coach.embedded()).isZero();
        }
    }
}
