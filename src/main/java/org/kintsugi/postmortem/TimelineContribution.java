package org.kintsugi.postmortem;

import java.util.List;

/**
 * Moments another module adds to a postmortem's timeline, read-only there, such as the entries of the personal
 * accounts people chose to share. The postmortem module knows nothing of those modules: it merges what they return
 * into the timeline in time order, on the page, in the API and in the exports.
 */
public interface TimelineContribution {

    /** Return the moments to add to this postmortem's timeline, in time order; only what every reader may see. */
    List<ContributedMoment> moments(long postmortemId);
}
