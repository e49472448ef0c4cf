package org.kintsugi.postmortem;

import java.util.Optional;

/**
 * Help the people who write and review a postmortem with its text, such as the language coach marking blaming or
 * hindsight phrasing as they type and in what they saved: sections, timeline entries, review comments, and the action
 * items that come out of it (the action module shows them there). Another module implements it; the modules that show
 * it know nothing of it and only decide where and to whom its fragments show.
 */
public interface WritingAid {

    /**
     * Return the fragment shown under a text box while someone writes in it, or empty for none. The fragment reads
     * {@code source} (the box's id), {@code field} (the box's name) and {@code panel} (an id of its own on the page).
     */
    default Optional<String> editor() {
        return Optional.empty();
    }

    /** Return what to show under a section's saved text, or empty when there is nothing to say about it. */
    default Optional<PostmortemPart.Fragment> underSection(PostmortemView.Section section) {
        return Optional.empty();
    }

    /**
     * Return a short saved text, such as a timeline entry, drawn with the aid's marks in place of the plain text, or
     * empty to show it plain. {@code id} is unique on the page, for the fragment's own ids.
     */
    default Optional<PostmortemPart.Fragment> inText(String id, String text) {
        return Optional.empty();
    }
}
