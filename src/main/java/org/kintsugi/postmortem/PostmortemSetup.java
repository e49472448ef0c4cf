package org.kintsugi.postmortem;

import org.kintsugi.incident.IncidentResolved;
import org.kintsugi.incident.IncidentRevised;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Follow the incidents: set a postmortem's due date as its incident is resolved, and keep up with its changes. */
@Component
class PostmortemSetup {

    private final PostmortemManagement postmortems;

    PostmortemSetup(PostmortemManagement postmortems) {
        this.postmortems = postmortems;
    }

    @ApplicationModuleListener
    void on(IncidentResolved resolved) {
        postmortems.incidentResolved(resolved);
    }

    @ApplicationModuleListener
    void on(IncidentRevised revised) {
        postmortems.incidentChanged(revised);
    }
}
