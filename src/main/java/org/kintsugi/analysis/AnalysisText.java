package org.kintsugi.analysis;

import java.util.List;

/**
 * What a postmortem's analysis says, in words.
 *
 * @param accounts the narratives and entries of the shared personal accounts
 * @param whys the restated problem, if any, and every answer of the five whys
 * @param factors the contributing factors with their categories
 */
public record AnalysisText(List<String> accounts, List<String> whys, List<Factor> factors) {

    public AnalysisText {
        accounts = List.copyOf(accounts);
        whys = List.copyOf(whys);
        factors = List.copyOf(factors);
    }

    /** One contributing factor: its statement, the note beside it and its category's name. */
    public record Factor(String statement, String note, String category) {}
}
