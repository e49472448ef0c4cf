package org.kintsugi.incident;

import org.jspecify.annotations.Nullable;

/** Where an incident stands; it follows the lifecycle timestamps. */
public enum IncidentStatus {
    OPEN("Open"),
    MITIGATED("Mitigated"),
    RESOLVED("Resolved");

    private final String label;

    IncidentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static IncidentStatus of(@Nullable Object mitigatedAt, @Nullable Object resolvedAt) {
        if (resolvedAt != null) {
            return RESOLVED;
        }
        return mitigatedAt != null ? MITIGATED : OPEN;
    }
}
