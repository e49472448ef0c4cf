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
import org.kintsugi.postmortem.DuePolicyView;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.ReviewPolicy;
import org.kintsugi.postmortem.TemplateCatalogue;
import org.springframework.stereotype.Component;

/** Show an incident's postmortem on the incident's page: its state and due date, or a way to start it. */
@Component
class PostmortemOnIncident implements IncidentPageSection {

    private final PostmortemManagement postmortems;
    private final TemplateCatalogue templates;
    private final ReviewPolicy policy;
    private final Clock clock;

    PostmortemOnIncident(
            PostmortemManagement postmortems, TemplateCatalogue templates, ReviewPolicy policy, Clock clock) {
        this.postmortems = postmortems;
        this.templates = templates;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Optional<Fragment> render(IncidentView incident, KintsugiPrincipal viewer) {
        Map<String, Object> model = new HashMap<>();
        Instant now = clock.instant();
        Optional<PostmortemView> postmortem = postmortems.forIncident(incident.id());
        // Every key the fragment reads is present, null where it does not apply: SpEL refuses a missing map key.
        for (String key : List.of("postmortem", "overdue", "rule", "due", "canStart", "templates", "chosen")) {
            model.put(key, null);
        }
        model.put("incidentKey", incident.key());
        model.put("zone", viewer.zone());
        postmortem.ifPresent(p -> {
            model.put("postmortem", p);
            model.put("overdue", p.overdueAt(now));
        });
        if (postmortem.isEmpty()) {
            DuePolicyView rule = policy.duePolicy(incident.severity());
            Instant resolved = incident.lifecycle().resolvedAt();
            model.put("rule", rule);
            model.put(
                    "due",
                    resolved == null
                            ? null
                            : rule.due(resolved, policy.workingZone()).orElse(null));
            model.put("overdue", model.get("due") instanceof Instant due && now.isAfter(due));
            model.put("canStart", viewer.canWrite());
            if (viewer.canWrite()) {
                model.put("templates", templates.choices());
                model.put(
                        "chosen",
                        templates
                                .chooseFor(incident.kind(), incident.severity())
                                .id());
            }
        }
        return Optional.of(new Fragment("postmortem/fragments/incident :: panel", model));
    }
}
