package org.kintsugi.postmortem.web;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.incident.IncidentPageSection;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemSummary;
import org.springframework.stereotype.Component;

/** Show an incident's postmortem on the incident's page: its state and due date, or a way to start it. */
/* First in the sidebar: the incident's own postmortem comes before anything other modules add. */
@Component
@org.springframework.core.annotation.Order(10)
class PostmortemOnIncident implements IncidentPageSection {

    private final PostmortemManagement postmortems;
    private final Clock clock;

    PostmortemOnIncident(PostmortemManagement postmortems, Clock clock) {
        this.postmortems = postmortems;
        this.clock = clock;
    }

    @Override
    public Optional<Fragment> render(IncidentView incident, KintsugiPrincipal viewer) {
        Map<String, Object> model = new HashMap<>();
        // Every key the fragment reads is present, null where it does not apply: SpEL refuses a missing map key.
        for (String key : List.of("postmortem", "overdue", "options", "due", "canStart")) {
            model.put(key, null);
        }
        Instant now = clock.instant();
        model.put("incidentKey", incident.key());
        model.put("zone", viewer.zone());
        Optional<PostmortemSummary> postmortem = postmortems.summaryFor(incident.id());
        if (postmortem.isPresent()) {
            model.put("postmortem", postmortem.get());
            model.put("overdue", postmortem.get().overdueAt(now));
        } else {
            PostmortemManagement.StartOptions options = postmortems.startOptions(incident.kind(), incident.severity());
            Instant due = options.due(incident.lifecycle().resolvedAt()).orElse(null);
            model.put("options", options);
            model.put("due", due);
            model.put("overdue", due != null && now.isAfter(due));
            model.put("canStart", viewer.canWrite());
        }
        return Optional.of(new Fragment("postmortem/fragments/incident :: panel", model));
    }
}
