package org.kintsugi.analysis.coach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The enabled rules, compiled once: built-in rules indexed by trigger word, custom rules as patterns. */
final class RuleSet {

    private final Map<String, List<BuiltInRule>> byTrigger = new HashMap<>();
    private final List<CustomRule> custom;
    private final List<Pattern> patterns;

    RuleSet(List<BuiltInRule> builtIn, List<CustomRule> custom) {
        for (BuiltInRule rule : builtIn) {
            for (String trigger : rule.triggers()) {
                byTrigger.computeIfAbsent(trigger, t -> new ArrayList<>()).add(rule);
            }
        }
        this.custom = List.copyOf(custom);
        this.patterns = custom.stream().map(CustomRule::compile).toList();
    }

    static RuleSet builtIn() {
        return new RuleSet(BuiltInRules.ALL, List.of());
    }

    LanguageReview review(String text) {
        Tokens tokens = Tokens.of(text);
        List<Finding> findings = new ArrayList<>();
        int from = 0;
        for (int n = 0; n < tokens.sentences; n++) {
            int to = tokens.sentenceEnds[n];
            Sentence sentence = null;
            for (int i = from; i < to; i++) {
                List<BuiltInRule> rules = byTrigger.get(tokens.words[i]);
                if (rules == null) continue;
                if (sentence == null) sentence = new Sentence(tokens, from, to);
                for (BuiltInRule rule : rules) {
                    Hit hit = rule.matcher().match(sentence, i);
                    if (hit != null) findings.add(finding(tokens, rule, hit));
                }
            }
            from = to;
        }
        for (int r = 0; r < patterns.size(); r++) {
            CustomRule rule = custom.get(r);
            Matcher m = patterns.get(r).matcher(text);
            while (m.find()) {
                if (m.end() > m.start()) {
                    findings.add(new Finding(
                            m.start(),
                            m.end(),
                            m.group(),
                            rule.category(),
                            rule.id(),
                            rule.explanation(),
                            rule.suggestion()));
                }
            }
        }
        findings.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        return new LanguageReview(text, score(findings, tokens.wordCount), tokens.wordCount, findings);
    }

    private static Finding finding(Tokens tokens, BuiltInRule rule, Hit hit) {
        int start = tokens.starts[hit.first()];
        int end = tokens.ends[hit.last()];
        return new Finding(
                start,
                end,
                tokens.text.substring(start, end),
                rule.category(),
                rule.id(),
                hit.explanation(),
                hit.suggestion());
    }

    /**
     * Score a text from 100 down: each finding costs its category's weight per 100 words (texts under 100 words count
     * as 100, so one slip in a short comment does not zero it), and the score never drops below 0.
     */
    static int score(List<Finding> findings, int words) {
        int weight = findings.stream().mapToInt(f -> f.category().weight()).sum();
        return (int) Math.max(0, Math.round(100 - weight * 100.0 / Math.max(words, 100)));
    }
}
