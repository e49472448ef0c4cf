package org.kintsugi.knowledge.similar;

import java.util.List;
import java.util.Locale;
import org.kintsugi.analysis.FactorSuggestions;
import org.springframework.stereotype.Component;

/**
 * Suggest the failure mechanism an incident's text reads as, from its stored mechanism profile, as a contributing
 * factor in the built-in category it belongs to. A mechanism is suggested only when it holds at least {@link
 * #CONFIDENCE} of the profile, the bar at which the "Both look like" reason of similar incidents is given too.
 */
@Component
class MechanismFactors implements FactorSuggestions {

    static final double CONFIDENCE = SimilarIncidents.REASON_CONFIDENCE;

    private final DocumentVectors vectors;

    MechanismFactors(DocumentVectors vectors) {
        this.vectors = vectors;
    }

    @Override
    public List<Suggestion> forIncident(long incidentId) {
        if (!vectors.enabled()) {
            return List.of();
        }
        return vectors.mechanismProfile(incidentId)
                .map(profile -> {
                    Mechanism top = MechanismHead.top(profile);
                    double share = profile[top.ordinal()];
                    return share < CONFIDENCE ? List.<Suggestion>of() : List.of(suggestion(top, share));
                })
                .orElse(List.of());
    }

    static Suggestion suggestion(Mechanism mechanism, double confidence) {
        String phrase = mechanism.phrase();
        return new Suggestion(
                phrase.substring(0, 1).toUpperCase(Locale.ROOT) + phrase.substring(1), category(mechanism), confidence);
    }

    /** Return the built-in factor category (V1_4_4) a mechanism belongs in. */
    static String category(Mechanism mechanism) {
        return switch (mechanism) {
            case COMPUTE_EXHAUSTION, STORAGE_FAILURE, LOAD_SURGE, QUOTA_BILLING_LIMIT -> "Capacity";
            case CONFIG_CHANGE, COMPONENT_UPGRADE, CODE_REGRESSION, TRAFFIC_ROUTING -> "Change";
            case UNSAFE_OPERATION, CERT_CREDENTIAL_LIFECYCLE -> "Process";
            case INFRASTRUCTURE_FAULT, CONTROL_PLANE_BLOCKED -> "Dependency";
            case SECURITY_COMPROMISE -> "Security";
            case TELEMETRY_PIPELINE -> "Detection & monitoring";
        };
    }
}
