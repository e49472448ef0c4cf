package org.kintsugi.postmortem.importing;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A day as an entry writes it: always a month and a day, the year only when written. */
record DayMention(MonthDay day, @Nullable Year year) {

    /** Return the date in its written year, else in {@code otherwise}; nothing without a year or on a February 29. */
    Optional<LocalDate> in(@Nullable Year otherwise) {
        Year chosen = year != null ? year : otherwise;
        if (chosen == null || !day.isValidYear(chosen.getValue())) {
            return Optional.empty();
        }
        return Optional.of(day.atYear(chosen.getValue()));
    }
}
