package org.kintsugi.postmortem.revision;

import java.util.List;

/**
 * One section of two revisions side by side. The texts in each row are HTML-escaped by the diff, with changed words
 * wrapped in {@code <del>} and {@code <ins>}.
 */
public record SectionComparison(String key, String heading, boolean changed, List<Row> rows) {

    /** One line of the comparison: {@code equal}, {@code change}, {@code insert} or {@code delete}. */
    public record Row(String tag, String left, String right) {}
}
