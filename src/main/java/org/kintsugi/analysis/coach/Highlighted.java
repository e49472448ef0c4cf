package org.kintsugi.analysis.coach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reviewed text cut into lines, each line into plain runs and marked phrases, so a page shows the coach's phrases in
 * place with their suggestions. Where findings overlap, the first is marked and the later one is still counted.
 *
 * @param lines the lines (paragraphs) of the text, or only those that hold a finding (see {@link #of})
 * @param findings every finding, in text order
 */
public record Highlighted(List<Line> lines, List<Finding> findings) {

    /** One line of the text, numbered from 1, cut into runs. */
    public record Line(int number, List<Run> runs) {}

    /**
     * A run of text; {@code finding} is set when the run is a marked phrase.
     *
     * @param index the finding's place among the findings (for ids on the page), {@code -1} for plain text
     */
    public record Run(String text, @Nullable Finding finding, int index) {

        public boolean marked() {
            return finding != null;
        }
    }

    /** Return whether the coach found nothing. */
    public boolean clean() {
        return findings.isEmpty();
    }

    /** Cut the reviewed text by the review's findings, keeping only the lines that hold one (for a panel). */
    public static Highlighted of(LanguageReview review) {
        return cut(review.text(), review.findings(), false);
    }

    /** Cut the whole reviewed text by the review's findings, every line kept (to show the text itself marked). */
    public static Highlighted whole(LanguageReview review) {
        return cut(review.text(), review.findings(), true);
    }

    private static Highlighted cut(String text, List<Finding> unsorted, boolean everyLine) {
        List<Finding> findings = unsorted.stream()
                .filter(f -> f.start() >= 0 && f.end() <= text.length() && f.end() > f.start())
                .sorted(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end))
                .toList();
        List<Line> lines = new ArrayList<>();
        int next = 0;
        int lineStart = 0;
        int number = 1;
        while (lineStart <= text.length() && (everyLine || next < findings.size())) {
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
            if (!runs.isEmpty() || everyLine) {
                if (at < lineEnd) runs.add(new Run(text.substring(at, lineEnd), null, -1));
                lines.add(new Line(number, List.copyOf(runs)));
            }
            lineStart = lineEnd + 1;
            number++;
        }
        return new Highlighted(List.copyOf(lines), findings);
    }
}
