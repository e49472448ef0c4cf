package org.kintsugi.incident;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How long each phase took: to detect (start → detection), to acknowledge (detection → acknowledgement), to mitigate
 * and to resolve (both from the start). A phase that has not ended is {@code null}.
 */
public record Durations(
        @Nullable Duration toDetect,
        @Nullable Duration toAcknowledge,
        @Nullable Duration toMitigate,
        @Nullable Duration toResolve) {

    /** Format a duration the way people say it: {@code 2d 3h}, {@code 1h 05m}, {@code 12m}, {@code 40s}. */
    public static String human(@Nullable Duration d) {
        if (d == null) {
            return "—";
        }
        long seconds = d.getSeconds();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return "%dh %02dm".formatted(hours, minutes);
        }
        if (minutes > 0) {
            return minutes + "m";
        }
        return seconds + "s";
    }
}
