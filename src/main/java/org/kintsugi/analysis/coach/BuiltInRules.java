package org.kintsugi.analysis.coach;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The rules Kintsugi ships with, each with a stable id an installation can switch off. */
final class BuiltInRules {

    private BuiltInRules() {}

    private static final String HINDSIGHT =
            "This judges a past action with knowledge the person did not have at the time (hindsight bias).";
    private static final Set<String> PREVENTION_VERBS = Set.of(
            "prevented",
            "avoided",
            "caught",
            "noticed",
            "stopped",
            "spotted",
            "checked",
            "seen",
            "known",
            "fixed",
            "detected",
            "read",
            "followed",
            "asked",
            "tested",
            "verified",
            "done",
            "escalated",
            "reverted");
    private static final Set<String> MODAL_ADVERBS = Set.of(
            "just",
            "also",
            "really",
            "simply",
            "actually",
            "probably",
            "definitely",
            "clearly",
            "obviously",
            "at",
            "least",
            "even",
            "first",
            "immediately",
            "never",
            "not",
            "easily",
            "double");
    private static final Set<String> OUTCOMES = Set.of(
            "outage",
            "incident",
            "failure",
            "downtime",
            "breakage",
            "problem",
            "mess",
            "crash",
            "loss",
            "disruption",
            "delay",
            "issue",
            "outages",
            "incidents");
    private static final Set<String> ERROR_NOUNS = Set.of(
            "message",
            "messages",
            "code",
            "codes",
            "rate",
            "rates",
            "page",
            "pages",
            "handling",
            "dialog",
            "response",
            "state",
            "count",
            "screen",
            "text",
            "toast",
            "banner",
            "budget",
            "log",
            "logs",
            "class",
            "type");
    private static final Set<String> STRONG_JUDGEMENT = Set.of(
            "incompetent",
            "incompetence",
            "negligent",
            "negligence",
            "reckless",
            "recklessly",
            "irresponsible",
            "clueless",
            "unprofessional",
            "idiot",
            "idiots",
            "moron",
            "morons",
            "stupid",
            "stupidly",
            "dumb");
    private static final Set<String> WEAK_JUDGEMENT = Set.of(
            "careless",
            "carelessly",
            "carelessness",
            "sloppy",
            "sloppily",
            "lazy",
            "lazily",
            "naive",
            "naively",
            "inexperienced",
            "blindly",
            "inattentive",
            "amateur",
            "amateurish",
            "rookie",
            "unqualified",
            "complacent",
            "complacency",
            "competent");
    private static final String DESCRIBE_PERSON =
            "Describe what the person knew, saw and was trying to do, rather than what they are like.";
    private static final String CONDITIONS =
            "Describe the conditions and decisions that made this outcome possible, rather than who was involved.";

    static final List<BuiltInRule> ALL = List.of(
            new BuiltInRule(
                    "hindsight-should-have",
                    Category.HINDSIGHT,
                    "A person \"should have\", \"could have\" or \"ought to have\" done something",
                    Set.of("should", "could", "ought", "shouldn't", "should've", "could've", "shouldnt"),
                    BuiltInRules::shouldHave),
            new BuiltInRule(
                    "hindsight-failed-to",
                    Category.HINDSIGHT,
                    "A person \"failed to\", \"neglected to\" or \"forgot to\" do something",
                    Set.of("failed", "fails", "neglected", "neglects", "forgot", "forgets", "omitted"),
                    BuiltInRules::failedTo),
            new BuiltInRule(
                    "hindsight-ignored",
                    Category.HINDSIGHT,
                    "A person \"ignored\", \"overlooked\" or \"didn't bother\"",
                    Set.of("ignored", "overlooked", "disregarded", "bother", "bothered"),
                    BuiltInRules::ignored),
            new BuiltInRule(
                    "hindsight-why-didnt",
                    Category.HINDSIGHT,
                    "\"Why didn't <person> …?\"",
                    Set.of("why"),
                    BuiltInRules::whyDidnt),
            new BuiltInRule(
                    "hindsight-if-only",
                    Category.HINDSIGHT,
                    "\"If only <person> …\", \"if <person> had …\", \"had <person> …\"",
                    Set.of("if", "had"),
                    BuiltInRules::ifOnly),
            new BuiltInRule(
                    "hindsight-obviously",
                    Category.HINDSIGHT,
                    "\"Obviously\" said of what a person did or saw",
                    Set.of("obviously", "obvious"),
                    BuiltInRules::obviously),
            new BuiltInRule(
                    "human-error",
                    Category.HUMAN_ERROR,
                    "\"Human error\", \"operator error\", \"user error\", \"fat-fingered\" as an explanation",
                    Set.of(
                            "error",
                            "errors",
                            "mistake",
                            "pebkac",
                            "pebcak",
                            "id10t",
                            "fat-fingered",
                            "fat-finger",
                            "fat-fingering"),
                    BuiltInRules::humanError),
            new BuiltInRule(
                    "person-caused",
                    Category.PERSON_AS_CAUSE,
                    "A person \"caused\", \"broke\", \"took down\" or \"messed up\" something",
                    Set.of(
                            "caused", "broke", "crashed", "nuked", "botched", "wrecked", "took", "brought", "messed",
                            "screwed", "blew"),
                    BuiltInRules::personCaused),
            new BuiltInRule(
                    "caused-by-person",
                    Category.PERSON_AS_CAUSE,
                    "\"Caused by\", \"due to\", \"because of\" a person; \"the outage is on <person>\"",
                    Set.of("by", "to", "of", "on"),
                    BuiltInRules::causedByPerson),
            new BuiltInRule(
                    "person-responsible",
                    Category.PERSON_AS_CAUSE,
                    "A person \"was responsible for\" the outage",
                    Set.of("responsible"),
                    BuiltInRules::responsible),
            new BuiltInRule(
                    "fault-and-blame",
                    Category.PERSON_AS_CAUSE,
                    "\"<person>'s fault\", \"to blame\", \"the culprit\"",
                    Set.of("fault", "culprit", "culprits", "blame", "blamed"),
                    BuiltInRules::faultAndBlame),
            new BuiltInRule(
                    "person-mistake",
                    Category.PERSON_AS_CAUSE,
                    "\"<person>'s mistake\", \"<person> made a mistake\"",
                    Set.of("mistake", "mistakes", "error", "errors", "blunder", "carelessness", "screw-up", "slip"),
                    BuiltInRules::personMistake),
            new BuiltInRule(
                    "judgement-of-character",
                    Category.JUDGEMENT,
                    "Words that judge a person's character or competence (careless, sloppy, incompetent …)",
                    union(STRONG_JUDGEMENT, WEAK_JUDGEMENT),
                    BuiltInRules::judgement),
            new BuiltInRule(
                    "judgement-idioms",
                    Category.JUDGEMENT,
                    "\"Not paying attention\", \"should know better\", \"dropped the ball\", \"asleep at the wheel\"",
                    Set.of("attention", "better", "ball", "wheel", "depth", "understand"),
                    BuiltInRules::idioms));

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    static @Nullable Hit shouldHave(Sentence s, int i) {
        String modal = s.word(i);
        int j = i + 1;
        if (!modal.endsWith("'ve")) {
            if (modal.equals("ought") && s.word(j).equals("to")) j++;
            if (s.word(j).equals("not")) j++;
            if (!s.word(j).equals("have")) return null;
            j++;
        }
        while (j < s.to && MODAL_ADVERBS.contains(s.word(j))) j++;
        String verb = s.word(j);
        boolean could = modal.startsWith("could");
        boolean passive = verb.equals("been");
        if (passive
                ? !(s.personSubject(i) || agentIsPerson(s, j))
                : !(Lexicon.isParticiple(verb) && s.personSubject(i))) {
            return null;
        }
        if (could && !PREVENTION_VERBS.contains(verb)) return null;
        int end = s.clauseEnd(j, 7);
        String rest = s.original(j + 1, end);
        String action = (Lexicon.gerund(verb) + " " + rest).strip();
        boolean negative = modal.contains("n't")
                || modal.equals("shouldnt")
                || s.word(i + 1).equals("not");
        String suggestion = passive
                ? "What made the situation look the way it did to the people involved at the time?"
                : negative
                        ? "What made " + action + " look like the right step at the time?"
                        : could
                                ? "What would have made " + action + " easier at the time?"
                                : "What made " + action + " seem unnecessary at the time?";
        return new Hit(i, j, HINDSIGHT, suggestion);
    }

    private static boolean agentIsPerson(Sentence s, int been) {
        for (int k = been + 1; k < s.to && k <= been + 6 && !s.boundary(k); k++) {
            if (s.word(k).equals("by") && (s.personOrPossessive(k + 1) || s.personOrPossessive(k + 2))) return true;
        }
        return false;
    }

    static @Nullable Hit failedTo(Sentence s, int i) {
        if (!s.personSubject(i)) return null;
        boolean infinitive = s.word(i + 1).equals("to");
        if (!infinitive && s.word(i).startsWith("fail")) return null;
        int start = infinitive ? i + 2 : i + 1;
        int end = s.clauseEnd(start, 7);
        String suggestion = infinitive
                ? "What got in the way of " + (Lexicon.gerund(s.word(start)) + " " + s.original(start + 1, end)).strip()
                        + " at the time?"
                : "What would have brought " + s.original(start, end) + " to mind at the time?";
        return new Hit(i, infinitive ? i + 2 : i, HINDSIGHT, suggestion);
    }

    static @Nullable Hit ignored(Sentence s, int i) {
        String w = s.word(i);
        if (w.startsWith("bother")) {
            boolean negated = s.negatedBefore(i, 2) || s.word(i - 1).equals("nobody");
            if (!negated || !s.personSubject(i)) return null;
            return new Hit(i - 1, i, HINDSIGHT, "What was competing for the person's attention at the time?");
        }
        if (!s.personSubject(i)) return null;
        int end = s.clauseEnd(i + 1, 6);
        return new Hit(i, i, HINDSIGHT, "What made " + s.original(i + 1, end) + " seem safe to set aside at the time?");
    }

    static @Nullable Hit whyDidnt(Sentence s, int i) {
        String next = s.word(i + 1);
        boolean negated =
                next.endsWith("n't") || (next.equals("did") && s.word(i + 2).equals("not"));
        if (!negated) return null;
        for (int k = i + 2; k <= i + 4; k++) {
            if (s.person(k)) {
                return new Hit(i, k, HINDSIGHT, "What did the people involved know and see at that moment?");
            }
        }
        return null;
    }

    static @Nullable Hit ifOnly(Sentence s, int i) {
        String suggestion = "What would have had to be different around the people involved for this not to happen?";
        if (s.word(i).equals("had")) {
            boolean clauseStart = i == s.from || s.boundary(i - 1);
            return clauseStart && s.person(i + 1) && Lexicon.isParticiple(s.word(i + 2))
                    ? new Hit(i, i + 2, HINDSIGHT, suggestion)
                    : null;
        }
        int only = s.word(i + 1).equals("only") ? s.personPhrase(i + 2) : -1;
        if (only >= 0) {
            return new Hit(i, only, HINDSIGHT, suggestion);
        }
        int who = s.personPhrase(i + 1);
        if (who >= 0 && s.word(who + 1).equals("had") && Lexicon.isParticiple(s.word(who + 2))) {
            return new Hit(i, who + 2, HINDSIGHT, suggestion);
        }
        return null;
    }

    static @Nullable Hit obviously(Sentence s, int i) {
        String before = s.word(i - 1);
        if (before.equals("anything") || before.equals("nothing") || before.equals("not") || before.endsWith("n't")) {
            return null;
        }
        return s.personNearby(i, 6)
                ? new Hit(i, i, HINDSIGHT, "What was visible to the people involved at the time, and what was not?")
                : null;
    }

    static @Nullable Hit humanError(Sentence s, int i) {
        String w = s.word(i);
        String explanation = "\"Human error\" ends the inquiry where it should start: it names a person, not the"
                + " conditions that made the action easy to take and hard to catch.";
        String suggestion = "Describe what the person saw and did, and what about the system made that action easy"
                + " to take and hard to notice.";
        if (!w.startsWith("error") && !w.startsWith("mistake")) {
            return new Hit(i, i, explanation, suggestion);
        }
        String kind = s.word(i - 1);
        boolean human = kind.equals("human") || kind.equals("operator") || kind.equals("user") || kind.equals("pilot");
        if (!human || ERROR_NOUNS.contains(s.word(i + 1)) || s.negatedBefore(i - 1, 3)) return null;
        return new Hit(i - 1, i, explanation, suggestion);
    }

    static @Nullable Hit personCaused(Sentence s, int i) {
        String w = s.word(i);
        String particle = switch (w) {
            case "took", "brought" -> "down";
            case "messed", "screwed", "blew" -> "up";
            default -> null;
        };
        int last = i;
        if (particle != null) {
            last = -1;
            for (int k = i + 1; k <= i + 4 && k < s.to; k++) {
                if (s.word(k).equals(particle)) last = k;
            }
            if (last < 0) return null;
        }
        if (!s.personSubject(i)) return null;
        return new Hit(i, last, "This names a person as the cause of the outcome.", CONDITIONS);
    }

    static @Nullable Hit causedByPerson(Sentence s, int i) {
        String w = s.word(i);
        String before = s.word(i - 1);
        boolean cause = (w.equals("by") && (before.equals("caused") || before.equals("triggered")))
                || (w.equals("to") && before.equals("due"))
                || (w.equals("of") && before.equals("because"));
        if (cause) {
            for (int k = i + 1; k <= i + 4 && k < s.to && !s.boundary(k); k++) {
                if (s.person(k)) {
                    return new Hit(i - 1, k, "This names a person as the cause of the outcome.", CONDITIONS);
                }
            }
            return null;
        }
        boolean isOn =
                w.equals("on") && (before.equals("is") || before.equals("was")) && s.person(i + 1) && s.boundary(i + 2);
        return isOn ? new Hit(i - 1, i + 1, "This puts the outcome on a person.", CONDITIONS) : null;
    }

    static @Nullable Hit responsible(Sentence s, int i) {
        if (!s.word(i + 1).equals("for") || !s.personSubject(i)) return null;
        for (int k = i + 2; k <= i + 4; k++) {
            if (OUTCOMES.contains(s.word(k))) {
                return new Hit(i, k, "This makes a person answerable for the outcome.", CONDITIONS);
            }
        }
        return null;
    }

    static @Nullable Hit faultAndBlame(Sentence s, int i) {
        String w = s.word(i);
        String before = s.word(i - 1);
        String explanation = "This assigns fault to a person instead of explaining how the outcome came about.";
        String suggestion = "Describe what happened and why it made sense at the time, without assigning fault.";
        boolean hit = switch (w) {
            case "fault" ->
                before.endsWith("'s")
                        || before.endsWith("s'")
                        || Lexicon.POSSESSIVES.contains(before)
                        || before.equals("at")
                        || (s.word(i + 1).equals("of") && s.personNearby(i + 1, 4));
            case "culprit", "culprits", "blamed" -> s.personNearby(i, 6);
            default ->
                before.equals("to") || Set.of("lies", "falls", "rests", "goes").contains(s.word(i + 1));
        };
        return hit ? new Hit(i, i, explanation, suggestion) : null;
    }

    static @Nullable Hit personMistake(Sentence s, int i) {
        String before = s.word(i - 1);
        String explanation = "This calls a person's action a mistake, which invites blame rather than understanding.";
        String suggestion =
                "Describe the action and the conditions around it: what made it easy to take and hard" + " to notice?";
        if ((before.endsWith("'s") || before.endsWith("s'") || Lexicon.POSSESSIVES.contains(before))
                && s.personOrPossessive(i - 1)) {
            return new Hit(i - 1, i, explanation, suggestion);
        }
        if (s.word(i + 1).equals("by") && s.person(i + 2)) {
            return new Hit(i, i + 2, explanation, suggestion);
        }
        for (int k = i - 1; k >= i - 3 && k >= s.from; k--) {
            if (s.word(k).equals("made") && s.personSubject(k)) {
                return new Hit(k, i, explanation, suggestion);
            }
        }
        return null;
    }

    static @Nullable Hit judgement(Sentence s, int i) {
        String w = s.word(i);
        boolean strong = STRONG_JUDGEMENT.contains(w);
        if (w.equals("competent")) {
            return s.negatedBefore(i, 2) && s.personNearby(i, 6) ? judged(i, w) : null;
        }
        return strong || s.personNearby(i, 6) ? judged(i, w) : null;
    }

    private static Hit judged(int i, String word) {
        return new Hit(i, i, "\"" + word + "\" judges a person's character or competence.", DESCRIBE_PERSON);
    }

    static @Nullable Hit idioms(Sentence s, int i) {
        String explanation = "This judges a person's attention or competence.";
        return switch (s.word(i)) {
            case "attention" ->
                s.word(i - 1).equals("paying") && s.negatedBefore(i - 1, 2)
                        ? new Hit(i - 2, i, explanation, "What was competing for the person's attention at the time?")
                        : null;
            case "better" ->
                s.word(i - 1).equals("know") || s.word(i - 1).equals("known")
                        ? new Hit(i - 1, i, explanation, DESCRIBE_PERSON)
                        : null;
            case "ball" -> s.word(i - 2).equals("dropped") ? new Hit(i - 2, i, explanation, DESCRIBE_PERSON) : null;
            case "wheel" -> s.word(i - 3).equals("asleep") ? new Hit(i - 3, i, explanation, DESCRIBE_PERSON) : null;
            case "depth" ->
                s.word(i - 3).equals("out") && Lexicon.POSSESSIVES.contains(s.word(i - 1))
                        ? new Hit(i - 3, i, explanation, DESCRIBE_PERSON)
                        : null;
            default ->
                s.negatedBefore(i, 2) && s.personSubject(i) && sureOfIt(s, i)
                        ? new Hit(i - 2, i, explanation, DESCRIBE_PERSON)
                        : null;
        };
    }

    private static boolean sureOfIt(Sentence s, int i) {
        for (int k = i - 1; k >= i - 4 && k >= s.from; k--) {
            if (s.word(k).equals("clearly") || s.word(k).equals("obviously")) return true;
        }
        return false;
    }
}
