package org.kintsugi.postmortem;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One moment on a postmortem's timeline as readers see it.
 *
 * @param id the event's id; {@code 0} for the moments taken from the incident itself and those other modules add
 * @param fromIncident whether this is one of the incident's lifecycle moments (started, detected, …), which are
 *     changed on the incident rather than here
 * @param contribution what another module added, such as an entry of a shared personal account; {@code null} for the
 *     timeline's own events and the incident's moments
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
        long version,
        TimelineContribution.@Nullable Moment contribution) {

    /** Describe an event of the timeline itself or a moment of the incident. */
    public TimelineItem(
            long id,
            Instant at,
            String description,
            TimelineKind kind,
            String source,
            boolean starred,
            boolean fromIncident,
            String createdBy,
            long version) {
        this(id, at, description, kind, source, starred, fromIncident, createdBy, version, null);
    }

    /** Show a moment another module adds; its source names its author and where it comes from. */
    static TimelineItem of(TimelineContribution.Moment moment) {
        String source = moment.author() + " (" + moment.origin() + ")";
        return new TimelineItem(
                0, moment.at(), moment.text(), moment.kind(), source, false, false, moment.author(), 0, moment);
    }

    /** Return whether this is the timeline's own event, which can be starred, changed and removed here. */
    public boolean editable() {
        return !fromIncident && contribution == null;
    }

    /** Return the label shown beside the moment: its kind, or what its contributor calls it. */
    public String label() {
        return contribution != null ? contribution.label() : kind.label();
    }
}
