package org.kintsugi.knowledge.web;

import java.util.Optional;
import org.kintsugi.incident.IncidentFormAid;
import org.springframework.stereotype.Component;

/** Under the declare form, past incidents like the one being typed, refreshed as its title and summary change. */
@Component
class SimilarWhileDeclaring implements IncidentFormAid {

    @Override
    public Optional<String> whileDeclaring() {
        return Optional.of("knowledge/fragments/similar :: declaring");
    }
}
