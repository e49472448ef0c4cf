package org.kintsugi.postmortem.timeline;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a timeline measures, each from the start of the incident; {@code null} where the moment is not known.
 *
 * @param undetected how long the incident went unnoticed
 * @param toMitigate how long until its effect was contained
 * @param toResolve how long until it was over
 */
public record TimelineDurations(
        @Nullable Duration undetected,
        @Nullable Duration toMitigate,
        @Nullable Duration toResolve) {

    public static TimelineDurations of(
            @Nullable Instant started,
            @Nullable Instant detected,
            @Nullable Instant mitigated,
            @Nullable Instant resolved) {
        return new TimelineDurations(
                between(started, detected), between(started, mitigated), between(started, resolved));
    }

    private static @Nullable Duration between(@Nullable Instant from, @Nullable Instant to) {
        return from == null || to == null || to.isBefore(from) ? null : Duration.between(from, to);
    }
}
