package org.kintsugi.analysis.coach;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Review text for phrasing that blames or judges people, and suggest a reframing for each finding.
 *
 * <p>How it tells blame from description: a hand-written tokenizer splits the text into sentences and lower-cased
 * tokens in one pass. Each rule is woken by a trigger word ("should", "failed", "error", "careless" …) and then reads
 * the grammar around it instead of matching the word alone: it finds the <em>subject</em> of the verb (the word just
 * before the verb group, stepping over adverbs, auxiliaries, relative clauses and prepositional phrases) and asks
 * whether that is a person (a personal pronoun, a role such as engineer, operator or on-call, or a known first name),
 * and it reads <em>tense and modality</em> ("should have checked" is a past counterfactual; "should add" and "should
 * have a runbook" are recommendations). So "the deploy failed to complete" and "we should add a pre-flight check" pass,
 * while "Bob should have checked the dashboard" and "we failed to verify the backup" are flagged. Judgement words that
 * also have technical senses (lazy loading, naive retry) count only when a person is named in the same clause.
 * A statistical parser (Apache OpenNLP, Stanford CoreNLP) would read more sentences right but needs model files and
 * is far slower per megabyte; this rule layer is fast enough to run on every keystroke-sized save.
 *
 * <p>Words alone do not make blame ("the team owned that mess, as usual"), so a trained classifier reads each
 * sentence as a whole ({@link BlameClassifier}): it decides whether the sentence blames, keeps the rules' findings in
 * the sentences it takes for blame and drops them in the others, and adds a finding of its own where blame uses no
 * word a rule knows. The model loads in the background after start-up.
 */
@Service
public class LanguageCoach {

    private static final Set<String> BUILT_IN =
            BuiltInRules.ALL.stream().map(BuiltInRule::id).collect(Collectors.toUnmodifiableSet());

    private volatile RuleSet rules;
    private final BlameClassifier classifier;

    /** Start with every built-in rule switched on; {@link LanguageRules} narrows and widens the set. */
    public LanguageCoach() {
        this.rules = RuleSet.builtIn();
        this.classifier = BlameClassifier.trained();
    }

    /** Review the text: the findings in text order and a blamelessness score from 0 to 100. */
    public LanguageReview review(String text) {
        return classifier.review(text, rules.review(text), BUILT_IN);
    }

    /** Return how many sentences this coach has embedded, cache misses only. */
    int embedded() {
        return classifier.embedded();
    }

    void use(RuleSet rules) {
        this.rules = rules;
    }
}
