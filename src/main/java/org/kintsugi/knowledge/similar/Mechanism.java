package org.kintsugi.knowledge.similar;

import java.util.Optional;

/**
 * The fourteen failure mechanisms an incident's text is read for: what failed and how, not the product or the words
 * (the taxonomy of the labelled set, {@code src/test/resources/similar/taxonomy.md}).
 */
public enum Mechanism {
    COMPUTE_EXHAUSTION("compute-exhaustion", "a process or node that ran out of memory or CPU"),
    STORAGE_FAILURE("storage-failure", "a disk or volume that filled up or failed"),
    LOAD_SURGE("load-surge", "more demand from outside than there was capacity for"),
    CONFIG_CHANGE("config-change", "a configuration change with an unintended effect"),
    COMPONENT_UPGRADE("component-upgrade", "an upgrade of a component someone else makes"),
    CODE_REGRESSION("code-regression", "a bug in the team's own code"),
    UNSAFE_OPERATION("unsafe-operation", "an operation run against the wrong target or all at once"),
    CERT_CREDENTIAL_LIFECYCLE("cert-credential-lifecycle", "a certificate or credential that expired or was rotated"),
    TRAFFIC_ROUTING("traffic-routing", "requests routed nowhere while the backends were healthy"),
    INFRASTRUCTURE_FAULT("infrastructure-fault", "a provider's host, network or zone that failed"),
    CONTROL_PLANE_BLOCKED("control-plane-blocked", "a control plane or management API that was blocked"),
    QUOTA_BILLING_LIMIT("quota-billing-limit", "a hard quota, account limit or unpaid bill"),
    SECURITY_COMPROMISE("security-compromise", "an attacker or abuse"),
    TELEMETRY_PIPELINE("telemetry-pipeline", "logging or monitoring that broke on its own");

    private final String id;
    private final String phrase;

    Mechanism(String id, String phrase) {
        this.id = id;
        this.phrase = phrase;
    }

    /** Return the taxonomy's id, as in the training sentences. */
    public String id() {
        return id;
    }

    /** Return the mechanism in words a person reads. */
    public String phrase() {
        return phrase;
    }

    /** Return the mechanism with this taxonomy id, if there is one. */
    public static Optional<Mechanism> of(String id) {
        for (Mechanism m : values()) {
            if (m.id.equals(id)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
