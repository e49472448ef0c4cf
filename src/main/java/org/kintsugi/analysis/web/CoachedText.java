package org.kintsugi.analysis.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.Finding;
import org.kintsugi.analysis.LanguageCoach;

/**
 * A text cut into plain stretches and the phrases the language coach points out, for marking those on a page with
 * the coach's suggestion beside each.
 *
 * @param parts the text in order; joined, they give the text back
 * @param findings how many phrases are marked
 */
public record CoachedText(List<Part> parts, int findings) {

    /** A stretch of the text, and the coach's finding when it is a phrase the coach points out. */
    public record Part(String text, @Nullable Finding finding) {}

    /** Review a text with the coach and cut it at its findings; a finding overlapping an earlier one is left out. */
    static CoachedText of(String text, LanguageCoach coach) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        int marked = 0;
        for (Finding finding : coach.review(text).findings()) {
            if (finding.start() < at || finding.end() > text.length() || finding.end() <= finding.start()) {
                continue;
            }
            if (finding.start() > at) {
                parts.add(new Part(text.substring(at, finding.start()), null));
            }
            parts.add(new Part(text.substring(finding.start(), finding.end()), finding));
            at = finding.end();
            marked++;
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), null));
        }
        return new CoachedText(parts, marked);
    }
}
