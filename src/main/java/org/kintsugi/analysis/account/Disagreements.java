package org.kintsugi.analysis.account;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Find the moments that shared accounts tell differently, to put side by side as points to discuss.
 *
 * <p>Two entries differ when they come from different people, each says what its writer took to be true at that
 * moment (what they {@linkplain EntryKind#tellsWhatWasTrue() observed or understood}), they are at most the window
 * apart, and their words are not the same once case, accents' forms, punctuation and spacing are set aside. What
 * people did, expected or assumed is not compared: those differ between people by nature. Entries linked by such
 * differences, directly or through one another, make one point to discuss.
 *
 * <p>Nothing is merged and nothing is judged: finding a difference only draws the entries together, each keeping its
 * writer and words. Which account is right is for the people in the room to talk about, if it matters at all.
 */
final class Disagreements {

    /** An entry with the person who wrote it. */
    record Said(long accountId, long authorId, EntryView entry) {}

    private Disagreements() {}

    /** Return the key of the point to discuss of each entry in one, by {@link #key(long, long)}. */
    static Map<String, String> find(List<Said> entries, Duration window) {
        List<Said> comparable = entries.stream()
                .filter(s -> s.entry().kind().tellsWhatWasTrue())
                .sorted(Comparator.comparing((Said s) -> s.entry().at()).thenComparingLong(Said::accountId))
                .toList();
        int[] parent = new int[comparable.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        List<String> words =
                comparable.stream().map(s -> normalised(s.entry().text())).toList();
        for (int i = 0; i < comparable.size(); i++) {
            for (int j = i + 1; j < comparable.size(); j++) {
                Said a = comparable.get(i);
                Said b = comparable.get(j);
                if (Duration.between(a.entry().at(), b.entry().at()).compareTo(window) > 0) {
                    break;
                }
                if (a.authorId() != b.authorId() && !words.get(i).equals(words.get(j))) {
                    parent[root(parent, j)] = root(parent, i);
                }
            }
        }
        Map<Integer, List<Said>> points = new HashMap<>();
        for (int i = 0; i < comparable.size(); i++) {
            points.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(comparable.get(i));
        }
        Map<String, String> keys = new HashMap<>();
        for (List<Said> point : points.values()) {
            if (point.size() > 1) {
                Said first = point.getFirst();
                String pointKey =
                        "point-" + key(first.accountId(), first.entry().id());
                point.forEach(s -> keys.put(key(s.accountId(), s.entry().id()), pointKey));
            }
        }
        return keys;
    }

    /** Return the key that names one entry of one account. */
    static String key(long accountId, long entryId) {
        return accountId + "-" + entryId;
    }

    /** Return the words of a text with case, compatibility forms, punctuation, symbols and spacing set aside. */
    static String normalised(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{P}\\p{S}]+", " ")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
