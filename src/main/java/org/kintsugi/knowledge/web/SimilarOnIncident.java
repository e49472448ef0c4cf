package org.kintsugi.knowledge.web;

import java.util.Map;
import java.util.Optional;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.incident.IncidentPageSection;
import org.kintsugi.incident.IncidentView;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On an incident's page, past incidents like it, loaded once the page is shown so the page itself stays quick. */
@Component
@Order(100)
class SimilarOnIncident implements IncidentPageSection {

    @Override
    public Optional<Fragment> render(IncidentView incident, KintsugiPrincipal viewer) {
        return Optional.of(new Fragment(
                "knowledge/fragments/similar :: lazy", Map.of("url", "/incidents/" + incident.key() + "/similar")));
    }
}
