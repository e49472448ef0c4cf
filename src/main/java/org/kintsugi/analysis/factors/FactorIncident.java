package org.kintsugi.analysis.factors;

import java.time.Instant;
import java.util.List;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.Severity;

/** What the factor pages show and filter on of a factor's incident. */
public record FactorIncident(
        String key, String title, IncidentKind kind, Severity severity, List<String> teams, Instant startedAt) {

    public FactorIncident {
        teams = List.copyOf(teams);
    }
}
