package org.kintsugi.postmortem.importing;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.kintsugi.postmortem.TimelineKind;

/** Guess what kind of moment a chat message was from the words in it. */
public final class KindGuess {

    /** The words that give a kind away; a message with none of them is an observation. */
    private static final Map<TimelineKind, List<String>> WORDS = new EnumMap<>(Map.of(
            TimelineKind.DETECTION,
            List.of("alert", "alerted", "paged", "page", "noticed", "detected", "reported", "firing"),
            TimelineKind.ACTION,
            List.of(
                    "restarted",
                    "rolled back",
                    "rollback",
                    "deployed",
                    "reverted",
                    "scaled",
                    "failed over",
                    "restart",
                    "fixed",
                    "applied"),
            TimelineKind.DECISION,
            List.of("decided", "agreed", "decision", "let's", "we will"),
            TimelineKind.COMMUNICATION,
            List.of("status page", "posted", "announced", "emailed", "told", "informed", "notified", "update:")));

    // One pattern with a group per kind: the word that comes first in the message decides, so "update: we rolled
    // back" is a communication and "rolled back after the update:" an action. On a tie the earlier kind wins.
    private static final Pattern PATTERN = Pattern.compile(
            WORDS.entrySet().stream().map(KindGuess::group).collect(Collectors.joining("|")),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private KindGuess() {}

    /** Guess the kind of the message from its first telling word. */
    public static TimelineKind of(String text) {
        Matcher matcher = PATTERN.matcher(text.replace('’', '\''));
        if (!matcher.find()) {
            return TimelineKind.OBSERVATION;
        }
        return WORDS.keySet().stream()
                .filter(kind -> matcher.group(kind.name()) != null)
                .findFirst()
                .orElse(TimelineKind.OBSERVATION);
    }

    private static String group(Map.Entry<TimelineKind, List<String>> words) {
        String alternatives = words.getValue().stream().map(KindGuess::word).collect(Collectors.joining("|"));
        return "(?<" + words.getKey().name() + ">(?<!\\w)(?:" + alternatives + ")(?!\\w))";
    }

    // Whole words only ("page" but not "pages"), with any run of spaces between the words of a phrase.
    private static String word(String phrase) {
        return Arrays.stream(phrase.split(" ")).map(Pattern::quote).collect(Collectors.joining("\\s+"));
    }
}
