package org.kintsugi.action.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionFilter;
import org.kintsugi.action.ActionStatus;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.Parsing;

/** Read the filters of an action list from request parameters, each bad one named. */
final class ActionQuery {

    private ActionQuery() {}

    static ActionFilter filter(
            @Nullable String owner,
            @Nullable String team,
            @Nullable String status,
            boolean overdue,
            @Nullable String dueFrom,
            @Nullable String dueTo,
            long me) {
        List<FieldProblem> problems = new ArrayList<>();
        Long ownerId = null;
        if (owner != null && !owner.isBlank()) {
            try {
                ownerId = owner.equalsIgnoreCase("me") ? me : Long.parseLong(owner.strip());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("owner", "'" + owner + "' is not a user id or 'me'"));
            }
        }
        ActionStatus wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = Parsing.enumValue("status", status.replace('-', '_'), ActionStatus.class, problems);
        }
        LocalDate from = date("dueFrom", dueFrom, problems);
        LocalDate to = date("dueTo", dueTo, problems);
        Parsing.check(problems);
        return new ActionFilter(
                ownerId, team == null || team.isBlank() ? null : team.strip(), wanted, overdue, from, to);
    }

    private static @Nullable LocalDate date(String field, @Nullable String text, List<FieldProblem> problems) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "'" + text + "' is not a date like 2026-12-15"));
            return null;
        }
    }
}
