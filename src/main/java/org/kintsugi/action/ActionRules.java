package org.kintsugi.action;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.kintsugi.shared.FieldProblem;

/** The checks an action item's details must pass, each problem naming its field. */
final class ActionRules {

    private ActionRules() {}

    static List<FieldProblem> problems(ActionDetails details, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (details.title().isBlank()) {
            problems.add(new FieldProblem("title", "is required"));
        } else if (details.title().strip().length() > 200) {
            problems.add(new FieldProblem("title", "must be at most 200 characters"));
        }
        if (details.description().length() > 10_000) {
            problems.add(new FieldProblem("description", "must be at most 10,000 characters"));
        }
        if (details.verification().isBlank()) {
            problems.add(new FieldProblem("verification", "is required: how will we know it worked?"));
        } else if (details.verification().length() > 2000) {
            problems.add(new FieldProblem("verification", "must be at most 2,000 characters"));
        }
        // A day's grace for people a time zone behind UTC.
        if (details.dueDate().isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1))) {
            problems.add(new FieldProblem("dueDate", "is in the past"));
        }
        return problems;
    }
}
