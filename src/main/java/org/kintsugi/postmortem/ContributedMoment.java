package org.kintsugi.postmortem;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A moment another module adds to a postmortem's timeline; it is changed where it comes from, not on the timeline.
 *
 * @param kind where it sits among the timeline's kinds, for its colour and the exports
 * @param label what it is in its writer's terms, e.g. {@code Observed}
 * @param author who wrote it
 * @param origin what it comes from, e.g. {@code personal account}
 * @param link where to read it in its context
 * @param discussion a key shared by the moments that tell the same time differently, which the timeline shows side by
 *     side as a point to discuss; {@code null} when this moment is not part of one
 */
public record ContributedMoment(
        Instant at,
        String text,
        TimelineKind kind,
        String label,
        String author,
        String origin,
        String link,
        @Nullable String discussion) {}
