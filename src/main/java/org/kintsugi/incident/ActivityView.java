package org.kintsugi.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an incident's activity log.
 *
 * @param action {@code declared}, {@code changed} or {@code resolved}
 * @param field the field that changed, for {@code changed} and {@code resolved}
 */
public record ActivityView(
        Instant at,
        String actor,
        String action,
        @Nullable String field,
        @Nullable String oldValue,
        @Nullable String newValue) {

    /** Return whether the values are moments, to be shown in the reader's zone. */
    public boolean isMoment() {
        return field != null && field.endsWith("At");
    }
}
