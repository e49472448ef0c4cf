package org.kintsugi.postmortem.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.PostmortemFilter;
import org.kintsugi.postmortem.PostmortemStatus;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.Parsing;

/** The postmortem list's filter as the list page and the API take it, each value checked by the field it came in. */
final class PostmortemFilters {

    private PostmortemFilters() {}

    /** Return the filter, or refuse it with a problem for each value that is not one the list knows. */
    static PostmortemFilter read(
            @Nullable String status,
            @Nullable String due,
            @Nullable String severity,
            @Nullable String team,
            int page,
            int size) {
        List<FieldProblem> problems = new ArrayList<>();
        PostmortemStatus wanted = status == null || status.isBlank() ? null : status(status, problems);
        Severity sev = Parsing.enumValue("severity", severity, Severity.class, problems);
        if (due != null && !due.isBlank() && !due.equals("due") && !due.equals("overdue")) {
            problems.add(new FieldProblem("due", "'" + due + "' is not one of due, overdue"));
        }
        if (size < 1 || size > 200) {
            problems.add(new FieldProblem("size", "must be between 1 and 200"));
        }
        Parsing.check(problems);
        return new PostmortemFilter(
                wanted, due == null || due.isBlank() ? null : due, sev, team, Math.max(0, page), size);
    }

    private static @Nullable PostmortemStatus status(String code, List<FieldProblem> problems) {
        for (PostmortemStatus s : PostmortemStatus.values()) {
            if (s.code().equalsIgnoreCase(code.strip()) || s.name().equalsIgnoreCase(code.strip())) {
                return s;
            }
        }
        problems.add(new FieldProblem("status", "'" + code + "' is not one of draft, in-review, approved, published"));
        return null;
    }
}
