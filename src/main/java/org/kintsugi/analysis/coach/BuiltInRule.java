package org.kintsugi.analysis.coach;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A rule shipped with Kintsugi: a stable id, the words that wake it up, and a matcher that looks at the sentence
 * around such a word to decide whether it speaks of a person.
 */
record BuiltInRule(String id, Category category, String description, Set<String> triggers, Matcher matcher) {

    /** Decide whether the trigger word at token {@code i} starts blameful phrasing. */
    @FunctionalInterface
    interface Matcher {
        @Nullable
        Hit match(Sentence s, int i);
    }
}
