package org.kintsugi.analysis.factors;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.Severity;

/**
 * Which contributing factors to list across postmortems; nulls do not filter. {@code from} and {@code to} bound the
 * day the incident started, in UTC, both included.
 */
public record FactorFilter(
        @Nullable Long categoryId,
        @Nullable String team,
        @Nullable IncidentKind kind,
        @Nullable Severity severity,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    /** Return the filter that lists everything. */
    public static FactorFilter all() {
        return new FactorFilter(null, null, null, null, null, null);
    }

    /** Return this filter without its category, for counting every category the other filters let through. */
    public FactorFilter anyCategory() {
        return new FactorFilter(null, team, kind, severity, from, to);
    }
}
