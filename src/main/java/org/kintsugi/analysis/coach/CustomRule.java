package org.kintsugi.analysis.coach;

import java.util.regex.Pattern;

/**
 * A rule an installation adds: a phrase (matched as whole words, any case) or a regular expression, with its category,
 * explanation and suggestion. Custom rules match words, not grammar; the built-in rules cover the grammar.
 */
record CustomRule(String id, String pattern, boolean regex, Category category, String explanation, String suggestion) {

    Pattern compile() {
        String expression = regex ? pattern : "\\b" + Pattern.quote(pattern.strip()) + "\\b";
        return Pattern.compile(expression, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
