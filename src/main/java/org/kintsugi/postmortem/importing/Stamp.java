package org.kintsugi.postmortem.importing;

import java.time.LocalTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * The date and time an entry starts with, such as {@code Sep 27 2017 13:06} or {@code **16:58 UTC** -}, and the text
 * after them.
 *
 * @param problem why something that looks like a date or time cannot be one, such as {@code 25:70} or an ambiguous
 *     {@code 03/04/2023}
 */
record Stamp(
        @Nullable DayMention day,
        @Nullable LocalTime time,
        @Nullable ZoneId zone,
        String rest,
        @Nullable String problem) {

    static Stamp none(String text) {
        return new Stamp(null, null, null, text, null);
    }

    boolean isEmpty() {
        return day == null && time == null && problem == null;
    }
}
