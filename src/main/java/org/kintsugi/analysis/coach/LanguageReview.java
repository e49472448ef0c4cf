package org.kintsugi.analysis.coach;

import java.util.List;

/**
 * The coach's review of one text: a blamelessness score from 0 to 100 and the findings in text order.
 *
 * @param text the text as a reader sees it (Markdown rendered, see {@link org.kintsugi.shared.ReadableText}); the
 *     findings' offsets are offsets in it
 */
public record LanguageReview(String text, int score, int words, List<Finding> findings) {

    public LanguageReview {
        findings = List.copyOf(findings);
    }

    /** Return the score of the texts of these reviews taken as one document, without reviewing them again. */
    public static int scoreOf(List<LanguageReview> reviews) {
        return RuleSet.score(
                reviews.stream().flatMap(r -> r.findings().stream()).toList(),
                reviews.stream().mapToInt(LanguageReview::words).sum());
    }
}
