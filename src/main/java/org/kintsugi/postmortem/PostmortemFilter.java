package org.kintsugi.postmortem;

import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.Severity;

/**
 * Which postmortems a list shows.
 *
 * @param due {@code overdue} (past due and not published), {@code due} (has a due date and not published) or null
 */
public record PostmortemFilter(
        @Nullable PostmortemStatus status,
        @Nullable String due,
        @Nullable Severity severity,
        @Nullable String team,
        int page,
        int size) {}
