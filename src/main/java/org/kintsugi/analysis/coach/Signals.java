package org.kintsugi.analysis.coach;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The grammar cues the classifier reads beside a sentence's embedding: whether the rule layer found blame of each
 * kind, whether blame words are quoted or mentioned as words, whether a person acts as the subject, whether a system
 * is the subject, whether "should" looks forward, whether the sentence carries a time of day (a timeline entry) and
 * whether it holds a verb of responding to the incident ("paged", "restarted", "rolled back"). Each cue is 0 or 1.
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
            "forward-should",
            "clock-time",
            "response-verb");

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
        f[9] = flag(clockTime(s));
        f[10] = flag(responseVerb(s));
        return f;
    }

    private static final Pattern CLOCK = Pattern.compile("\\b\\d{1,2}:\\d{2}\\b|\\bUTC\\b|\\b\\d{1,2} ?(am|pm)\\b");

    /** A time of day: the sentence reads like a timeline entry. */
    static boolean clockTime(Sentence s) {
        if (s.to <= s.from) return false;
        return CLOCK.matcher(s.t.text.substring(s.t.starts[s.from], s.t.ends[s.to - 1]))
                .find();
    }

    private static final Set<String> RESPONSE_VERBS = Set.of(
            "restarted",
            "rolled",
            "reverted",
            "restored",
            "paged",
            "escalated",
            "mitigated",
            "fixed",
            "noticed",
            "investigated",
            "declared",
            "acknowledged",
            "joined",
            "opened",
            "posted",
            "contacted",
            "called",
            "informed",
            "notified",
            "resolved",
            "recovered",
            "confirmed",
            "spotted",
            "found",
            "identified",
            "raised",
            "reported",
            "alerted",
            "deployed",
            "scaled",
            "failed",
            "drained",
            "replied",
            "answered",
            "triaged",
            "diagnosed",
            "traced",
            "handed",
            "took",
            "coordinated",
            "led",
            "started",
            "stopped");

    /** A verb of responding to the incident: someone noticed, paged, restarted, rolled back. */
    static boolean responseVerb(Sentence s) {
        for (int i = s.from; i < s.to; i++) {
            if (RESPONSE_VERBS.contains(s.word(i))) return true;
        }
        return false;
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
     * Blame needs someone to blame: this is the first test of {@link #worthWeighing}.
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

    /**
     * Words that carry blame of someone a sentence does not name as a person: hindsight ("would have", "it was
     * obvious"), departments acting ("finance renamed the column"), questions of who, and the words of sarcasm.
     */
    private static final Set<String> UNNAMED_BLAME_WORDS = Set.of(
            "would",
            "could",
            "should",
            "ought",
            "needed",
            "obvious",
            "obviously",
            "plain",
            "predictable",
            "foreseeable",
            "why",
            "had",
            "typo",
            "slip",
            "finger",
            "miskey",
            "manual",
            "blame",
            "fault",
            "classic",
            "typical",
            "genius",
            "bravo",
            "stellar",
            "fantastic",
            "finance",
            "accounting",
            "marketing",
            "sales",
            "legal",
            "procurement",
            "facilities",
            "networking",
            "reception",
            "ops",
            "infra",
            "security",
            "hr",
            "support",
            "qa",
            "desk",
            "payroll",
            "accounts",
            "who",
            "nobody",
            "anyone",
            "someone",
            "somebody",
            "no-one",
            "everyone");

    private static final Set<String> ERROR_WORDS = Set.of("error", "errors", "mistake", "mistakes");

    /** Nouns after "error" that make it a measure of a system: "error rate", "error budget", "error messages". */
    private static final Set<String> ERROR_NOUN_FOLLOWERS = Set.of(
            "rate",
            "rates",
            "budget",
            "budgets",
            "message",
            "messages",
            "code",
            "codes",
            "log",
            "logs",
            "page",
            "pages",
            "handling",
            "handler",
            "count",
            "counts",
            "spike",
            "spikes",
            "ratio",
            "level",
            "levels");

    /**
     * Tell whether the classifier should weigh the sentence: it names someone ({@link #mentionsPerson}); or it holds
     * an error offered as the cause ("a manual error", not "the error rate" or "not human error"), a capitalised agent
     * after "by", an emoji, or, unless a system is its subject, a word that blames without naming a person; or it
     * opens with a capitalised word followed by a past tense that acts on something ("Nour dropped the index", "Dan
     * carelessly deleted the volume", which {@link Sentence#named} leaves to the rules because "Checkout failed for an
     * hour" has nearly the same shape). The rest are plain statements about systems, and skipping them keeps long
     * reviews fast.
     */
    static boolean worthWeighing(Sentence s) {
        if (mentionsPerson(s)) return true;
        boolean systemSubject = systemSubject(s);
        for (int i = s.from; i < s.to; i++) {
            String w = s.word(i);
            if (ERROR_WORDS.contains(w)) {
                if (!ERROR_NOUN_FOLLOWERS.contains(s.word(i + 1)) && !s.negatedBefore(i, 2)) return true;
            } else if (w.equals("by")) {
                int agent = s.word(i + 1).equals("the") ? i + 2 : i + 1;
                if (agent < s.to && s.t.capitalised[agent]) return true;
            } else if (UNNAMED_BLAME_WORDS.contains(w) && !systemSubject) {
                return true;
            } else if (!w.isEmpty() && Character.getType(w.codePointAt(0)) == Character.OTHER_SYMBOL) {
                return true;
            }
        }
        if (!s.t.capitalised[s.from]) return false;
        int verb = s.word(s.from + 1).endsWith("ly") ? s.from + 2 : s.from + 1;
        return Lexicon.isParticiple(s.word(verb)) && actsOnSomething(s.word(verb + 1));
    }

    /**
     * The word after a verb starts its object: "dropped the index", "changed it". "Checkout failed for an hour" and
     * "Traffic dropped to zero" act on nothing, and are what systems do.
     */
    private static boolean actsOnSomething(String next) {
        return Lexicon.DETERMINERS.contains(next)
                || Lexicon.POSSESSIVES.contains(next)
                || next.equals("it")
                || next.equals("them")
                || next.equals("everything")
                || next.equals("prod")
                || next.equals("production");
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
