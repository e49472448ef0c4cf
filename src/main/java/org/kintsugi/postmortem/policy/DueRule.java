package org.kintsugi.postmortem.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** How the due moment of a postmortem follows from its incident's resolution. */
public enum DueRule {
    /** Due a number of hours after resolution, nights and weekends included. */
    HOURS("hours after resolution"),
    /** Due a number of working days (Monday to Friday) after resolution, at the same time of day. */
    WORKING_DAYS("working days after resolution"),
    /** No postmortem is required; one can still be written. */
    NOT_REQUIRED("not required");

    private final String label;

    DueRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Return the due moment for an incident resolved at {@code resolvedAt}, counting working days in {@code zone}. */
    public Optional<Instant> due(Instant resolvedAt, int amount, ZoneId zone) {
        return switch (this) {
            case HOURS -> Optional.of(resolvedAt.plus(Duration.ofHours(amount)));
            case WORKING_DAYS ->
                Optional.of(addWorkingDays(resolvedAt.atZone(zone), amount).toInstant());
            case NOT_REQUIRED -> Optional.empty();
        };
    }

    /** Step day by day and count only weekdays, so Friday 15:00 plus five working days is next Friday 15:00. */
    private static ZonedDateTime addWorkingDays(ZonedDateTime from, int days) {
        ZonedDateTime at = from;
        int counted = 0;
        while (counted < days) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return at;
    }
}
