package org.kintsugi.action.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionType;
import org.kintsugi.action.ActionView;
import org.kintsugi.action.Priority;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.Parsing;

/**
 * An action item's details as typed, in a page's form or an API request: {@code dueDate} is {@code YYYY-MM-DD},
 * priority {@code P1}–{@code P4}, type {@code prevent|detect|mitigate|process}.
 */
final class ActionInput {

    private ActionInput() {}

    /** Return the details, with what is left out taken from {@code current} (or defaults), or refuse them by field. */
    static ActionDetails details(
            @Nullable String title,
            @Nullable String description,
            @Nullable String dueDate,
            @Nullable String priority,
            @Nullable String type,
            @Nullable String verification,
            @Nullable ActionView current) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate due = current == null ? null : current.dueDate();
        try {
            due = dueDate == null ? due : LocalDate.parse(dueDate.strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("dueDate", "'" + dueDate + "' is not a date like 2026-12-15"));
        }
        if (due == null && problems.isEmpty()) {
            problems.add(new FieldProblem("dueDate", "is required"));
        }
        Priority p = Parsing.enumValue("priority", priority, Priority.class, problems);
        ActionType t = Parsing.enumValue("type", type, ActionType.class, problems);
        if (t == null && current == null && type == null) {
            problems.add(new FieldProblem("type", "is required: prevent, detect, mitigate or process"));
        }
        Parsing.check(problems);
        return new ActionDetails(
                pick(title, current == null ? "" : current.title()),
                pick(description, current == null ? "" : current.description()),
                due,
                p != null ? p : current == null ? Priority.P3 : current.priority(),
                t != null ? t : current.type(),
                pick(verification, current == null ? "" : current.verification()));
    }

    private static String pick(@Nullable String given, String current) {
        return given == null ? current : given;
    }
}
