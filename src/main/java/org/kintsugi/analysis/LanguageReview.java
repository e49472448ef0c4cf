package org.kintsugi.analysis;

import java.util.List;

/** The coach's review of one text: a blamelessness score from 0 to 100 and the findings in text order. */
public record LanguageReview(int score, int words, List<Finding> findings) {

    public LanguageReview {
        findings = List.copyOf(findings);
    }
}
