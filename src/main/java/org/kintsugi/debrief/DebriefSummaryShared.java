package org.kintsugi.debrief;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A debrief's summary was shared by its facilitator, for the chosen audience: {@code participants}, {@code teams}
 * (those involved) or {@code subscribers} (everyone subscribed).
 */
public record DebriefSummaryShared(
        long debriefId,
        @Nullable Long postmortemId,
        String title,
        String summaryMarkdown,
        String audience,
        List<String> participantEmails,
        Instant at) {}
