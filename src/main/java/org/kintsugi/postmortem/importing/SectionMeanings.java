package org.kintsugi.postmortem.importing;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Tell what a postmortem heading means, whatever words its authors chose: "Lessons learnt", "What went well" and
 * "Key takeaways" all mean {@code lessons-learned}.
 *
 * <p>A heading matches, in this order: a synonym exactly (allowing one typo in words of eight letters or more, so
 * "Atendees" still counts), the part before a preposition exactly ("Impact on users", "Timeline of the fix"), a
 * synonym ending it ("Incident timeline", "Process improvements"), or a synonym starting it. Each meaning's own name is
 * one of its synonyms, and wins over a wider meaning: "Who was affected" is {@code who-was-affected}, while "Users
 * affected" is {@code impact}. Follow-ups and corrective actions are action items: there is no separate meaning.
 */
public final class SectionMeanings {

    private record Meaning(String key, List<String> headings) {}

    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
    private static final Pattern NUMBERING =
            Pattern.compile("^(?:\\d+(?:\\.\\d+)+\\.?|\\d+[.)]|[ivx]+[.)]|[a-z][.)])\\s+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern HEAD = Pattern.compile(" (?:of|on|for|from|during|in|to|with|by|after|about) ");
    private static final int TYPO_MIN_LENGTH = 8;

    // The one place the vocabulary lives: each meaning, then the headings that mean it besides its own name.
    private static final List<Meaning> MEANINGS = List.of(
            meaning("summary", "overview", "description", "incident summary", "executive summary", "tl;dr", "abstract"),
            meaning("impact", "user impact", "customer impact", "business impact", "users affected", "blast radius"),
            meaning("timeline", "chronology", "sequence of events", "timeline of events", "events", "time line"),
            meaning("root-causes", "root cause", "cause", "causes", "what caused it", "root cause analysis", "rca"),
            meaning("root-causes", "why did it happen", "why it happened", "underlying cause"),
            meaning("contributing-factors", "contributing factor", "factors", "contributing causes"),
            meaning("trigger", "triggers", "what triggered it", "triggering event"),
            meaning("detection", "how was it detected", "why it wasnt caught", "why was this hard to detect"),
            meaning("detection", "alerting", "monitoring"),
            meaning("response", "incident response", "how we responded", "investigation", "escalation"),
            meaning("resolution", "fix", "mitigation", "mitigations", "remediation", "how we fixed it", "workaround"),
            meaning("recovery", "how we recovered", "restoration"),
            meaning("action-items", "actions", "action points", "follow ups", "follow up", "follow up actions"),
            meaning("action-items", "next steps", "todo", "to do", "corrective actions", "preventive actions"),
            meaning("action-items", "improvements", "tasks", "moving forward", "future work"),
            meaning("action-items", "how are we preventing it from happening again", "preventing recurrence"),
            meaning("lessons-learned", "lessons learnt", "lessons", "learnings", "takeaways", "insights"),
            meaning("lessons-learned", "what went well", "what went wrong", "where we got lucky", "what went poorly"),
            meaning("lessons-learned", "what didnt go well", "what didnt go so well", "what could have gone better"),
            meaning("lessons-learned", "conclusion", "conclusions", "reflections"),
            meaning("supporting-information", "supporting info", "references", "links", "appendix", "appendices"),
            meaning("supporting-information", "attendees", "participants", "related issues", "related prs"),
            meaning("supporting-information", "resources", "important information", "additional information", "logs"),
            meaning("what-happened", "how did it happen", "what occurred", "narrative"),
            meaning("lead-up", "leadup", "background", "context", "before the incident"),
            meaning("fault", "what failed"),
            meaning("five-whys", "5 whys", "whys"),
            meaning("recurrence", "has this happened before", "related incidents", "previous incidents"),
            meaning("backlog-check"),
            meaning("participants-accounts", "participant accounts", "personal accounts", "first hand accounts"),
            meaning("surprises", "what surprised us", "what was surprising"),
            meaning("start-doing"),
            meaning("stop-doing"),
            meaning("keep-doing", "continue doing"),
            meaning("metrics", "stats", "statistics", "key metrics", "time to detection", "time to recovery"),
            meaning("how-it-went", "how did it go"),
            meaning("who-was-affected"),
            meaning("why-it-made-sense", "why did it make sense", "why it made sense at the time"),
            meaning("what-we-change", "what we will change", "what were changing", "what we are changing"));

    private static final Map<String, String> BY_HEADING = index();

    private SectionMeanings() {}

    /** Return the meaning of a heading, such as {@code timeline}, or nothing when the heading is not known. */
    public static Optional<String> of(String heading) {
        String whole = normalise(heading);
        String head = HEAD.split(whole, 2)[0];
        return exact(whole)
                .or(() -> exact(head))
                .or(() -> longest(head, (text, synonym) -> text.endsWith(" " + synonym)))
                .or(() -> longest(whole, (text, synonym) -> text.endsWith(" " + synonym)))
                .or(() -> longest(whole, (text, synonym) -> text.startsWith(synonym + " ")));
    }

    /** Tell whether two headings mean the same: the same meaning, or the same words when neither is known. */
    public static boolean same(String headingA, String headingB) {
        Optional<String> a = of(headingA);
        Optional<String> b = of(headingB);
        if (a.isPresent() || b.isPresent()) {
            return a.equals(b);
        }
        String words = normalise(headingA);
        return !words.isEmpty() && words.equals(normalise(headingB));
    }

    /** Return every meaning a heading can have, in the order of the vocabulary. */
    public static List<String> meanings() {
        return MEANINGS.stream().map(Meaning::key).distinct().toList();
    }

    static String normalise(String heading) {
        String text = heading.toLowerCase(Locale.ROOT).strip();
        text = NUMBERING.matcher(text).replaceFirst("");
        text = PARENTHESES.matcher(text).replaceAll(" ").replace("&", " and ");
        text = text.replaceAll("['’`]", "");
        return NOT_A_WORD.matcher(text).replaceAll(" ").strip();
    }

    private static Optional<String> exact(String text) {
        String key = BY_HEADING.get(text);
        if (key != null || text.length() < TYPO_MIN_LENGTH - 1) {
            return Optional.ofNullable(key);
        }
        return longest(
                text, (candidate, synonym) -> synonym.length() >= TYPO_MIN_LENGTH && oneEditApart(candidate, synonym));
    }

    private static Optional<String> longest(String text, BiPredicate<String, String> matches) {
        return BY_HEADING.keySet().stream()
                .filter(synonym -> matches.test(text, synonym))
                .max(Comparator.comparingInt(String::length))
                .map(BY_HEADING::get);
    }

    private static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int same = 0;
        while (same < a.length() && same < b.length() && a.charAt(same) == b.charAt(same)) {
            same++;
        }
        int skipA = a.length() >= b.length() ? 1 : 0;
        int skipB = b.length() >= a.length() ? 1 : 0;
        return same == Math.min(a.length(), b.length())
                || a.substring(same + skipA).equals(b.substring(same + skipB));
    }

    private static Meaning meaning(String key, String... headings) {
        return new Meaning(key, List.of(headings));
    }

    private static Map<String, String> index() {
        Map<String, String> index = new LinkedHashMap<>();
        for (Meaning meaning : MEANINGS) {
            add(index, normalise(meaning.key()), meaning.key());
            meaning.headings().forEach(heading -> add(index, normalise(heading), meaning.key()));
        }
        return Collections.unmodifiableMap(index);
    }

    private static void add(Map<String, String> index, String heading, String key) {
        String before = index.putIfAbsent(heading, key);
        if (before != null && !before.equals(key)) {
            throw new IllegalStateException("'" + heading + "' means both " + before + " and " + key);
        }
    }
}
