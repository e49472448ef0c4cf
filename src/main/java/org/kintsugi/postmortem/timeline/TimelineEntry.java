package org.kintsugi.postmortem.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kintsugi.postmortem.TimelineKind;
import org.kintsugi.shared.FieldProblem;

/**
 * What a person writes to add or change a timeline event.
 *
 * @param source where the fact comes from: a person, a chat channel, a dashboard, an alert
 */
public record TimelineEntry(Instant at, String description, TimelineKind kind, String source, boolean starred) {

    /** Return the problems with this entry, each naming its field. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (description.isBlank()) {
            problems.add(new FieldProblem("description", "is required"));
        } else if (description.strip().length() > 2000) {
            problems.add(new FieldProblem("description", "is longer than 2,000 characters"));
        }
        if (source.strip().length() > 200) {
            problems.add(new FieldProblem("source", "is longer than 200 characters"));
        }
        return problems;
    }
}
