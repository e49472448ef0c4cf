package org.kintsugi.postmortem;

import java.time.Instant;

/**
 * One moment on a postmortem's timeline as readers see it.
 *
 * @param id the event's id; {@code 0} for the moments taken from the incident itself
 * @param fromIncident whether this is one of the incident's lifecycle moments (started, detected, …), which are
 *     changed on the incident rather than here
 */
public record TimelineItem(
        long id,
        Instant at,
        String description,
        TimelineKind kind,
        String source,
        boolean starred,
        boolean fromIncident,
        String createdBy,
        long version) {}
