package org.kintsugi.incident.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Show moments in the reader's zone; templates call it as {@code #times} (see {@link TimesDialect}). */
@Component("times")
public class Times {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Format a moment in a zone, e.g. {@code 2026-11-21 14:05 CET}; a dash when unknown. */
    public String format(@Nullable Instant at, ZoneId zone) {
        return at == null ? "—" : FULL.format(at.atZone(zone));
    }

    /** Format a moment in a zone without the zone name. */
    public String brief(@Nullable Instant at, ZoneId zone) {
        return at == null ? "—" : SHORT.format(at.atZone(zone));
    }

    /** Format a logged value: moments in the reader's zone, anything else as it is. */
    public String value(@Nullable String value, boolean moment, ZoneId zone) {
        if (value == null || value.isEmpty()) {
            return "(empty)";
        }
        return moment ? format(Instant.parse(value), zone) : value;
    }

    /** Return the ISO-8601 form for a {@code <time datetime>} attribute. */
    public String iso(@Nullable Instant at) {
        return at == null ? "" : at.toString();
    }
}
