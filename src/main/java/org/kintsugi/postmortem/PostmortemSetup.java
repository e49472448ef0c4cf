package org.kintsugi.postmortem;

import org.kintsugi.incident.IncidentResolved;
import org.kintsugi.incident.IncidentRevised;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Put the built-in templates in place at start-up, and set due dates as incidents are resolved. */
@Component
class PostmortemSetup implements ApplicationRunner {

    private final TemplateCatalogue templates;
    private final PostmortemManagement postmortems;

    PostmortemSetup(TemplateCatalogue templates, PostmortemManagement postmortems) {
        this.templates = templates;
        this.postmortems = postmortems;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        templates.addBuiltIns();
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
