package org.kintsugi.analysis.coach;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.Limits;
import org.kintsugi.shared.ReadableText;
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
 *
 * <p>Whatever it reviews, it reads as a reader sees it: the text is Markdown rendered to {@link ReadableText}, code
 * and web addresses are left unread, and findings' offsets are offsets in that rendered text, which the review
 * carries.
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

    /**
     * Review the text as its Markdown reads: the findings in text order, with offsets in the rendered text, and a
     * blamelessness score from 0 to 100.
     */
    public LanguageReview review(String markdown) {
        ReadableText readable = ReadableText.of(markdown);
        String prose = readable.prose();
        return seen(readable, classifier.review(prose, rules.review(prose), BUILT_IN));
    }

    /**
     * Review a text someone sent to be reviewed, within what one request may ask: refuse, naming {@code field}, a text
     * longer than {@code kintsugi.limits.coach-text} characters or with more than {@code kintsugi.limits.coach-sentences}
     * sentences to weigh, before anything is embedded.
     */
    public LanguageReview review(String field, String markdown, Limits limits) {
        if (markdown.length() > limits.coachText()) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.FULL,
                    field,
                    "coach-text",
                    limits.coachText(),
                    "The text is over " + LimitExceededException.count(limits.coachText())
                            + " characters, more than the language coach reviews at once");
        }
        ReadableText readable = ReadableText.of(markdown);
        String prose = readable.prose();
        LanguageReview byRules = rules.review(prose);
        int weigh = BlameClassifier.toWeigh(prose, byRules, BUILT_IN);
        if (weigh > limits.coachSentences()) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.FULL,
                    field,
                    "coach-sentences",
                    limits.coachSentences(),
                    "The text has " + LimitExceededException.count(weigh)
                            + " sentences that name a person or use a word a rule knows; the language coach weighs at"
                            + " most " + LimitExceededException.count(limits.coachSentences())
                            + " per request: review it in parts");
        }
        return seen(readable, classifier.review(prose, byRules, BUILT_IN));
    }

    /** Return the review of the prose as findings in the text people see: the phrases as written, code included. */
    private static LanguageReview seen(ReadableText readable, LanguageReview review) {
        if (readable.literals().isEmpty()) {
            return review;
        }
        String text = readable.text();
        List<Finding> findings = review.findings().stream()
                .map(f -> new Finding(
                        f.start(),
                        f.end(),
                        text.substring(f.start(), f.end()),
                        f.category(),
                        f.rule(),
                        f.explanation(),
                        f.suggestion().replaceAll(" {2,}", " ")))
                .toList();
        return new LanguageReview(text, review.score(), review.words(), findings);
    }

    /** Return how many sentences this coach has embedded, cache misses only. */
    int embedded() {
        return classifier.embedded();
    }

    void use(RuleSet rules) {
        this.rules = rules;
    }
}
