package org.kintsugi.analysis.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.Finding;

/** Text cut into pieces at the coach's findings, so a page marks each phrase and shows its suggestion beside it. */
public record Highlight(List<Piece> pieces) {

    /** A run of text; {@code finding} is set when the coach points at it. */
    public record Piece(String text, @Nullable Finding finding) {}

    static Highlight of(String text, List<Finding> findings) {
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        for (Finding finding : findings.stream()
                .sorted(Comparator.comparingInt(Finding::start))
                .toList()) {
            if (finding.start() < at || finding.end() > text.length() || finding.end() <= finding.start()) {
                continue; // overlapping or out of range: the first finding there is enough
            }
            if (finding.start() > at) {
                pieces.add(new Piece(text.substring(at, finding.start()), null));
            }
            pieces.add(new Piece(text.substring(finding.start(), finding.end()), finding));
            at = finding.end();
        }
        if (at < text.length()) {
            pieces.add(new Piece(text.substring(at), null));
        }
        return new Highlight(pieces);
    }
}
