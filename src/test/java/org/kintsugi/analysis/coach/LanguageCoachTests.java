package org.kintsugi.analysis.coach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageCoachTests {

    final LanguageCoach coach = new LanguageCoach();

    Finding only(String text) {
        var findings = coach.review(text).findings();
        assertThat(findings).as(text).hasSize(1);
        return findings.getFirst();
    }

    @Test
    void flagsHindsightAboutAPersonWithAQuestionToAskInstead() {
        String text = "Bob should have checked the dashboard";
        Finding finding = only(text);
        assertThat(finding.category()).isEqualTo(Category.HINDSIGHT);
        assertThat(finding.rule()).isEqualTo("hindsight-should-have");
        assertThat(finding.text()).isEqualTo("should have checked");
        assertThat(text.substring(finding.start(), finding.end())).isEqualTo(finding.text());
        assertThat(finding.suggestion()).isEqualTo("What made checking the dashboard seem unnecessary at the time?");
        assertThat(finding.explanation()).contains("hindsight");
    }

    @Test
    void leavesTheSameWordsAboutSystemsAndFutureWorkAlone() {
        assertThat(coach.review("The deploy failed to complete. The error rate rose to 4%. "
                                + "We should add a pre-flight check.")
                        .findings())
                .isEmpty();
    }

    @Nested
    @DisplayName("each rule flags what it is for")
    class Rules {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "hindsight-should-have | She should've rolled back immediately.",
                    "hindsight-should-have | Dave shouldn't have merged the change on a Friday.",
                    "hindsight-should-have | Tom could have prevented the outage.",
                    "hindsight-should-have | The person on call should have noticed the spike.",
                    "hindsight-failed-to | We failed to verify that the backup was restorable.",
                    "hindsight-failed-to | The engineer who was paged neglected to acknowledge it.",
                    "hindsight-failed-to | Sam forgot to update the config.",
                    "hindsight-ignored | The SRE team ignored the alerts for two hours.",
                    "hindsight-ignored | The developer didn't bother to run the tests.",
                    "hindsight-why-didnt | Why didn't anyone check the logs?",
                    "hindsight-if-only | If only Maria had looked at the graphs.",
                    "hindsight-if-only | If only the reviewer had looked closer.",
                    "hindsight-if-only | If the on-call engineer had seen the page, we would have failed over sooner.",
                    "hindsight-if-only | Had she checked the dashboard, none of this would have happened.",
                    "hindsight-obviously | Obviously he ran it on the wrong cluster.",
                    "human-error | Root cause: human error.",
                    "human-error | Kate fat-fingered the DNS record.",
                    "person-caused | John broke production with his change.",
                    "person-caused | The engineer took down the payments cluster.",
                    "caused-by-person | The outage was caused by Steve.",
                    "caused-by-person | The outage is on Paul.",
                    "person-responsible | Alex was responsible for the outage.",
                    "fault-and-blame | It was Raj's fault.",
                    "fault-and-blame | The on-call engineer is to blame.",
                    "person-mistake | The database admin made a mistake.",
                    "person-mistake | The outage was Nina's mistake.",
                    "judgement-of-character | Our developers are incompetent.",
                    "judgement-of-character | Bob was careless with the credentials.",
                    "judgement-idioms | She wasn't paying attention to the alerts.",
                    "judgement-idioms | Frank dropped the ball on the handover."
                })
        void flags(String rule, String sentence) {
            assertThat(coach.review(sentence).findings())
                    .as(sentence)
                    .extracting(Finding::rule)
                    .contains(rule);
        }
    }

    @Nested
    @DisplayName("hard cases that are not blame")
    class HardCases {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "The database should have failed over automatically but did not.",
                    "The alert should have fired at 80% disk usage.",
                    "Each action item should have an owner and a due date.",
                    "We should have a talk with the platform team about ingress guidelines.",
                    "The deploy tool should have asked for confirmation.",
                    "New tool/component (GitOps) shouldn't have been rushed to production.",
                    "This let to an issue which should have been addressed before it created any impact.",
                    "Hence the rather long detection time, but this could have been a lot worse.",
                    "Users failed to log in for 20 minutes.",
                    "The grafana pod is deleted, as is the `binder` pod that failed to start.",
                    "The alert that Bob wrote failed to fire.",
                    "If only one node fails, traffic moves to the others.",
                    "If only the primary had failed over, reads would have continued.",
                    "If the cache had been warmed, the first requests would have been fast.",
                    "Second engineer starts looking through the logs but not seing anything obviously wrong.",
                    "The user error messages were shown in English only.",
                    "This was not human error: the form allowed an ambiguous choice.",
                    "The outage was caused by a race condition in the cache layer.",
                    "Sam is responsible for the on-call schedule this month.",
                    "The lazy loading of images delayed the first paint.",
                    "The naive retry loop amplified the load.",
                    "This was a mistake in setting up the node pool.",
                    "The primary engineer did not have any contextual clues that they'd switched onto the LEAP hub."
                })
        void passTheRuleLayer(String sentence) {
            assertThat(RuleSet.builtIn().review(sentence).findings())
                    .as(sentence)
                    .isEmpty();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "The database should have failed over automatically but did not.",
                    "The alert should have fired at 80% disk usage.",
                    "Each action item should have an owner and a due date.",
                    "We should have a talk with the platform team about ingress guidelines.",
                    "The deploy tool should have asked for confirmation.",
                    "New tool/component (GitOps) shouldn't have been rushed to production.",
                    "Users failed to log in for 20 minutes.",
                    "If only one node fails, traffic moves to the others.",
                    "The user error messages were shown in English only.",
                    "This was not human error: the form allowed an ambiguous choice.",
                    "The outage was caused by a race condition in the cache layer.",
                    "The lazy loading of images delayed the first paint.",
                    "The naive retry loop amplified the load.",
                    "This was a mistake in setting up the node pool."
                })
        void passTheWholeCoach(String sentence) {
            assertThat(coach.review(sentence).findings()).as(sentence).isEmpty();
        }
    }

    @Nested
    @DisplayName("the blamelessness score")
    class Score {

        @Test
        void isAHundredForCleanText() {
            assertThat(coach.review("The deploy failed to complete.").score()).isEqualTo(100);
        }

        @Test
        void dropsByTheCategoryWeightPerHundredWords() {
            // one hindsight finding (weight 5) in a short text counts as 100 words
            assertThat(coach.review("Bob should have checked the dashboard").score())
                    .isEqualTo(95);
            assertThat(coach.review("Our developers are incompetent.").score()).isEqualTo(85);
        }

        @Test
        void neverDropsBelowZero() {
            assertThat(coach.review("Bob is an idiot. ".repeat(40)).score()).isZero();
        }
    }
}
