package org.kintsugi.analysis.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kintsugi.shared.FieldProblem;

/** What a writer puts down for one entry of their account: when, what kind of thing, and in their words. */
public record EntryDraft(Instant at, EntryKind kind, String text) {

    static final int MAX_TEXT = 2000;

    /** Return the problems with this entry, each naming its field. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (text.isBlank()) {
            problems.add(new FieldProblem("text", "is required: what happened, in your words"));
        } else if (text.strip().length() > MAX_TEXT) {
            problems.add(new FieldProblem("text", "is longer than 2,000 characters"));
        }
        return problems;
    }
}
