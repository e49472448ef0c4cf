package org.kintsugi.sharing;

import org.kintsugi.debrief.DebriefSummaryShared;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Send a debrief's summary, once its facilitator shares it, to the audience they chose. A listener on the event
 * publication registry: a crash before the deliveries are recorded leaves the event to be handled again at restart.
 */
@Component
class DebriefSummaries {

    private final Announcements announcements;

    DebriefSummaries(Announcements announcements) {
        this.announcements = announcements;
    }

    @ApplicationModuleListener
    void on(DebriefSummaryShared shared) {
        announcements.shareDebriefSummary(
                shared.debriefId(),
                shared.postmortemId(),
                shared.title(),
                shared.summaryMarkdown(),
                shared.audience(),
                shared.participantEmails(),
                shared.at());
    }
}
