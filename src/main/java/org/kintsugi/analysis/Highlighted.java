package org.kintsugi.analysis;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reviewed text cut into the lines that hold findings, each line into plain runs and marked phrases, so a page can
 * show the phrases in place with their suggestions. Lines without findings are left out; where findings overlap, the
 * first one is marked and the later one is still listed.
 *
 * @param lines the lines (paragraphs) that hold at least one finding, in text order
 * @param review the review the marks come from
 */
public record Highlighted(List<Line> lines, LanguageReview review) {

    /** One line of the text, cut into runs. */
    public record Line(int number, List<Run> runs) {}

    /**
     * A run of text; {@code finding} is set when the run is a marked phrase.
     *
     * @param index the finding's place in the review (for ids on the page), {@code -1} for plain text
     */
    public record Run(String text, @Nullable Finding finding, int index) {

        public boolean marked() {
            return finding != null;
        }
    }

    /** Return whether the coach found nothing. */
    public boolean clean() {
        return review.findings().isEmpty();
    }

    /** Cut {@code text} by the findings of its {@code review}. */
    public static Highlighted of(String text, LanguageReview review) {
        List<Finding> findings = review.findings();
        List<Line> lines = new ArrayList<>();
        int next = 0;
        int lineStart = 0;
        int number = 1;
        while (lineStart <= text.length() && next < findings.size()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.length();
            List<Run> runs = new ArrayList<>();
            int at = lineStart;
            while (next < findings.size() && findings.get(next).start() < lineEnd) {
                Finding f = findings.get(next);
                if (f.start() >= at) {
                    int end = Math.min(f.end(), lineEnd);
                    if (f.start() > at) runs.add(new Run(text.substring(at, f.start()), null, -1));
                    runs.add(new Run(text.substring(f.start(), end), f, next));
                    at = end;
                }
                next++;
            }
            if (!runs.isEmpty()) {
                if (at < lineEnd) runs.add(new Run(text.substring(at, lineEnd), null, -1));
                lines.add(new Line(number, List.copyOf(runs)));
            }
            lineStart = lineEnd + 1;
            number++;
        }
        return new Highlighted(List.copyOf(lines), review);
    }
}
