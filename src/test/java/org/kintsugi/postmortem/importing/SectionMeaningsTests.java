package org.kintsugi.postmortem.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SectionMeaningsTests {

    @Nested
    @DisplayName("a heading's meaning")
    class Meanings {

        @ParameterizedTest(name = "\"{0}\" means {1}")
        @CsvSource(delimiter = '|', textBlock = """
                Summary                      | summary
                Executive summary            | summary
                TL;DR                        | summary
                Incident Summary             | summary
                Customer impact              | impact
                Impact on users              | impact
                Chronology                   | timeline
                Incident Timeline            | timeline
                Follow-up timeline           | timeline
                Root Cause Analysis          | root-causes
                What caused it               | root-causes
                Contributing Factors         | contributing-factors
                How we fixed it              | resolution
                Remediation                  | resolution
                Next steps                   | action-items
                Action points                | action-items
                Process improvements         | action-items
                Lessons learnt               | lessons-learned
                What went well               | lessons-learned
                Where we got lucky           | lessons-learned
                What didn't go so well?      | lessons-learned
                Key takeaways                | lessons-learned
                Appendix                     | supporting-information
                Attendees                    | supporting-information
                Stats                        | metrics
                5 Whys                       | five-whys
                Lead-up                      | lead-up
                """)
        void readsSynonyms(String heading, String meaning) {
            assertThat(SectionMeanings.of(heading)).contains(meaning);
        }

        @ParameterizedTest(name = "\"{0}\" means {1}")
        @CsvSource(delimiter = '|', textBlock = """
                1. Summary                         | summary
                2) Timeline:                       | timeline
                3.1 Root causes                    | root-causes
                🔥 Lessons Learned!                | lessons-learned
                ACTION ITEMS                       | action-items
                Contributing Factors (findings)    | contributing-factors
                Timeline (times in BST)            | timeline
                Five whys —                        | five-whys
                """)
        void ignoresNumberingEmojiPunctuationAndRemarksInParentheses(String heading, String meaning) {
            assertThat(SectionMeanings.of(heading)).contains(meaning);
        }

        @Test
        void foldsFollowUpsAndCorrectiveActionsIntoActionItems() {
            assertThat(SectionMeanings.of("Follow-ups")).contains("action-items");
            assertThat(SectionMeanings.of("Corrective actions")).contains("action-items");
            assertThat(SectionMeanings.meanings()).doesNotContain("follow-ups");
        }

        @Test
        void givesATemplatesOwnHeadingItsOwnMeaning() {
            assertThat(SectionMeanings.of("Who was affected")).contains("who-was-affected");
            assertThat(SectionMeanings.of("Users affected")).contains("impact");
            assertThat(SectionMeanings.of("Why it made sense")).contains("why-it-made-sense");
        }

        @Test
        void everyMeaningIsTheMeaningOfItsOwnName() {
            assertThat(SectionMeanings.meanings())
                    .hasSize(29)
                    .allSatisfy(meaning -> assertThat(SectionMeanings.of(meaning.replace('-', ' ')))
                            .contains(meaning));
        }

        @Test
        void forgivesOneTypoInALongWord() {
            assertThat(SectionMeanings.of("Atendees")).contains("supporting-information");
            assertThat(SectionMeanings.of("Timline")).contains("timeline");
        }

        @ParameterizedTest
        @ValueSource(strings = {"BinderHub", "Stage 2: OID exhaustion", "What should you do?", "", "  ", "🔥"})
        void knowsNothingOfOtherHeadings(String heading) {
            assertThat(SectionMeanings.of(heading)).isEmpty();
        }
    }

    @Nested
    @DisplayName("two headings being the same")
    class Same {

        @Test
        void sameMeaningIsTheSameHeading() {
            assertThat(SectionMeanings.same("Lessons learnt", "What went well")).isTrue();
            assertThat(SectionMeanings.same("1. Follow-ups", "Action Items:")).isTrue();
        }

        @Test
        void differentMeaningsAreDifferentHeadings() {
            assertThat(SectionMeanings.same("Summary", "Timeline")).isFalse();
            assertThat(SectionMeanings.same("Summary", "BinderHub")).isFalse();
        }

        @Test
        void unknownHeadingsAreTheSameWhenTheirWordsAre() {
            assertThat(SectionMeanings.same("BinderHub", "binderhub:")).isTrue();
            assertThat(SectionMeanings.same("BinderHub", "JupyterHub")).isFalse();
            assertThat(SectionMeanings.same("", "")).isFalse();
        }
    }
}
