package org.kintsugi.analysis.coach;

import java.util.List;
import java.util.Set;

/**
 * The grammar cues the classifier reads beside a sentence's embedding: whether the rule layer found blame of each
 * kind, whether blame words are quoted or mentioned as words, whether a person acts as the subject, whether a system
 * is the subject, and whether "should" looks forward. Each cue is 0 or 1.
 */
final class Signals {

    static final List<String> NAMES = List.of(
            "rule-person-as-cause",
            "rule-judgement",
            "rule-human-error",
            "rule-hindsight",
            "quoted-or-mentioned",
            "person-subject",
            "named-person",
            "system-subject",
            "forward-should");

    static final int COUNT = NAMES.size();

    private static final Set<String> MENTION_WORDS = Set.of(
            "word",
            "words",
            "term",
            "terms",
            "phrase",
            "phrases",
            "wording",
            "label",
            "labels",
            "vocabulary",
            "phrasing",
            "language",
            "template",
            "glossary");
    private static final Set<String> SYSTEM_NOUNS = Set.of(
            "service",
            "services",
            "deploy",
            "deployment",
            "pipeline",
            "job",
            "cron",
            "cluster",
            "pod",
            "pods",
            "node",
            "nodes",
            "script",
            "server",
            "servers",
            "database",
            "db",
            "cache",
            "queue",
            "worker",
            "workers",
            "process",
            "controller",
            "scheduler",
            "balancer",
            "proxy",
            "api",
            "build",
            "alert",
            "alerts",
            "monitor",
            "check",
            "probe",
            "migration",
            "replica",
            "disk",
            "network",
            "config",
            "certificate",
            "dns",
            "budget",
            "injector",
            "bot",
            "daemon",
            "container",
            "system",
            "tool");

    private Signals() {}

    /** Compute the cues of the sentence from its tokens and the categories the rule layer found in it. */
    static float[] of(Sentence s, Set<Category> ruleCategories) {
        float[] f = new float[COUNT];
        f[0] = flag(ruleCategories.contains(Category.PERSON_AS_CAUSE));
        f[1] = flag(ruleCategories.contains(Category.JUDGEMENT));
        f[2] = flag(ruleCategories.contains(Category.HUMAN_ERROR));
        f[3] = flag(ruleCategories.contains(Category.HINDSIGHT));
        f[4] = flag(quotedOrMentioned(s));
        f[5] = flag(personSubject(s));
        f[6] = flag(namedPerson(s));
        f[7] = flag(systemSubject(s));
        f[8] = flag(forwardShould(s));
        return f;
    }

    private static float flag(boolean on) {
        return on ? 1f : 0f;
    }

    /** A short run of words in quotation marks or back-ticks, or a noun that speaks about words ("the term"). */
    static boolean quotedOrMentioned(Sentence s) {
        for (int i = s.from; i < s.to; i++) {
            String w = s.word(i);
            if (MENTION_WORDS.contains(w)) return true;
            if (isQuote(w)) {
                for (int k = i + 1; k < s.to && k <= i + 12; k++) {
                    if (isQuote(s.word(k))) return k > i + 1;
                }
            }
        }
        return false;
    }

    private static boolean isQuote(String w) {
        return w.equals("\"") || w.equals("“") || w.equals("”") || w.equals("`") || w.equals("«") || w.equals("»");
    }

    /** The first clause's subject is a person: a pronoun, a role, a possessive or a name (see {@link Sentence}). */
    static boolean personSubject(Sentence s) {
        for (int i = s.from; i < s.to && i < s.from + 5; i++) {
            if (s.boundary(i)) return false;
            if (s.personOrPossessive(i)) return true;
        }
        return false;
    }

    /** Somewhere in the sentence a person is named by role: a name acting as subject or agent, an owner, a handle. */
    static boolean namedPerson(Sentence s) {
        for (int i = s.from; i < s.to; i++) {
            if (s.named(i)) return true;
        }
        return false;
    }

    /**
     * Tell whether the sentence speaks of anyone at all: a pronoun, a role, a team, a possessive, a name or a handle.
     * Blame needs someone to blame, so the classifier is not asked about sentences that name nobody.
     */
    static boolean mentionsPerson(Sentence s) {
        for (int i = s.from; i < s.to; i++) {
            // "human error", "user error messages": the word names a kind of error, which the rules judge
            String next = s.word(i + 1);
            if (next.startsWith("error") || next.startsWith("mistake")) continue;
            if (s.personOrPossessive(i)) return true;
        }
        return false;
    }

    static boolean systemSubject(Sentence s) {
        for (int i = s.from; i < s.to && i < s.from + 5; i++) {
            if (s.boundary(i)) return false;
            if (SYSTEM_NOUNS.contains(s.word(i))) return true;
        }
        return false;
    }

    /** "Should", "must" or "needs to" followed by a verb in its base form: a recommendation, not hindsight. */
    static boolean forwardShould(Sentence s) {
        for (int i = s.from; i < s.to; i++) {
            String w = s.word(i);
            if ((w.equals("should") || w.equals("must") || w.equals("will"))
                    && !s.word(i + 1).equals("have")
                    && !s.word(i + 1).equals("not")
                    && !s.word(i + 1).endsWith("'ve")) {
                return true;
            }
        }
        return false;
    }
}
