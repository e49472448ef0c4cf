package org.kintsugi.analysis.coach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The coach reads Markdown as its readers see it: code and link addresses are never reviewed, link text is, and every
 * finding's offsets point into the rendered text the review carries.
 */
class RenderedTextReviewTests {

    final LanguageCoach coach = new LanguageCoach();

    static void spansMapToTheRenderedText(LanguageReview review) {
        for (Finding f : review.findings()) {
            assertThat(review.text().substring(f.start(), f.end())).isEqualTo(f.text());
        }
    }

    @Test
    void blameInACodeBlockIsNotFlagged() {
        // read as words, this one is flagged
        LanguageReview review =
                coach.review("The deploy script printed this:\n\n```\nBob should have checked the dashboard\n```\n");
        assertThat(review.findings()).isEmpty();
        assertThat(review.text()).contains("Bob should have checked the dashboard");
    }

    @Test
    void blameInInlineCodeIsNotFlagged() {
        assertThat(coach.review("The job's name is `bob-should-have-checked-the-dashboard` now.")
                        .findings())
                .isEmpty();
        // read as words, this one is flagged
        assertThat(coach.review("The log said `Bob should have checked the dashboard.`")
                        .findings())
                .isEmpty();
    }

    @Test
    void blameInALinkAddressIsNotFlaggedBlameInLinkTextIs() {
        // an address in angle brackets may hold spaces: read as words, it would be flagged
        assertThat(coach.review("See [the dashboard](<https://wiki/Bob should have checked the dashboard>).")
                        .findings())
                .isEmpty();
        assertThat(coach.review("See <https://wiki/Bob-should-have-checked-the-dashboard> for the graphs.")
                        .findings())
                .isEmpty();

        LanguageReview review = coach.review(
                "The **page** fired at 09:12. [Bob should have checked the dashboard](https://wiki/dashboards).");
        assertThat(review.text()).isEqualTo("The page fired at 09:12. Bob should have checked the dashboard.");
        assertThat(review.findings()).extracting(Finding::text).contains("should have checked");
        Finding f = review.findings().getFirst();
        assertThat(f.start()).isEqualTo(review.text().indexOf("should have checked"));
        spansMapToTheRenderedText(review);
    }

    @Test
    void aFindingBesideCodeQuotesTheTextAsWrittenCodeIncluded() {
        LanguageReview review = coach.review(
                "The whole checkout went down because Kwabena ran `terraform destroy` on a Friday evening.");
        assertThat(review.findings()).isNotEmpty();
        spansMapToTheRenderedText(review);
        assertThat(review.findings()).allSatisfy(f -> assertThat(f.suggestion()).doesNotContain("  "));
    }
}
