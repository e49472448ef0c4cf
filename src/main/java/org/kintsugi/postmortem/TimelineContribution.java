package org.kintsugi.postmortem;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Moments another module adds to a postmortem's timeline, read-only there, such as the entries of the personal
 * accounts people chose to share. The postmortem module knows nothing of those modules: it merges what they return
 * into the timeline in time order, on the page, in the API and in the exports.
 */
public interface TimelineContribution {

    /** Return the moments to add to this postmortem's timeline, in time order; only what every reader may see. */
    List<Moment> moments(long postmortemId);

    /**
     * A moment another module adds to a postmortem's timeline; it is changed where it comes from, not on the timeline.
     *
     * @param kind where it sits among the timeline's kinds, for its colour and the exports
     * @param label what it is in its writer's terms, e.g. {@code Observed}
     * @param author who wrote it
     * @param origin what it comes from, e.g. {@code personal account}
     * @param link where to read it in its context
     * @param discussion a key shared by the moments that tell the same time differently, which the timeline shows side
     *     by side as a point to discuss; {@code null} when this moment is not part of one
     */
    record Moment(
            Instant at,
            String text,
            TimelineKind kind,
            String label,
            String author,
            String origin,
            String link,
            @Nullable String discussion) {}
}
