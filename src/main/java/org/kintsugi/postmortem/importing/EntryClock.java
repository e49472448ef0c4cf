package org.kintsugi.postmortem.importing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Place timeline entries in time the way a reader does: an entry without a date happens on the last date seen, or on
 * the document's date; a date without a year is in the last year seen, or the document's year.
 *
 * <p>An entry whose time is more than twelve hours before the entry above it, on the date carried from it, is on the
 * next day: {@code 23:00} then {@code 00:40} crosses midnight, while {@code 14:49} then {@code 14:43} is only told out
 * of order.
 */
final class EntryClock {

    private static final Duration ACROSS_MIDNIGHT = Duration.ofHours(12);

    private final @Nullable LocalDate documentDate;
    private @Nullable LocalDate lastDate;
    private @Nullable LocalTime lastTime;

    EntryClock(@Nullable LocalDate documentDate) {
        this.documentDate = documentDate;
    }

    /** The moment an entry happened, or why it cannot be placed. */
    record Placement(@Nullable Instant at, @Nullable String problem) {}

    /** Remember the day of an entry or heading that has no time, for the entries after it. */
    void noteDay(DayMention day) {
        date(day).ifPresent(date -> {
            lastDate = date;
            lastTime = null;
        });
    }

    /** Place an entry with a time, in the given zone. */
    Placement place(Stamp stamp, ZoneId zone) {
        LocalTime time = stamp.time();
        if (time == null) {
            return new Placement(null, "it has no time");
        }
        Optional<LocalDate> date = stamp.day() != null ? date(stamp.day()) : carriedDate(time);
        if (date.isEmpty()) {
            String missing = stamp.day() != null ? "no year" : "a time but no date";
            return new Placement(null, "it has " + missing + ", and neither the entries above it nor the document say");
        }
        lastDate = date.get();
        lastTime = time;
        return new Placement(ZonedDateTime.of(date.get(), time, zone).toInstant(), null);
    }

    private Optional<LocalDate> carriedDate(LocalTime time) {
        if (lastDate == null) {
            return Optional.ofNullable(documentDate);
        }
        boolean nextDay = lastTime != null && Duration.between(time, lastTime).compareTo(ACROSS_MIDNIGHT) > 0;
        return Optional.of(nextDay ? lastDate.plusDays(1) : lastDate);
    }

    private Optional<LocalDate> date(DayMention day) {
        LocalDate known = lastDate != null ? lastDate : documentDate;
        return day.in(known == null ? null : Year.of(known.getYear()));
    }
}
