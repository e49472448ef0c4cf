package org.kintsugi.incident;

/** How bad it was, from SEV1 (critical) to SEV4 (minor); each level says what it means so people agree. */
public enum Severity {
    SEV1("Critical", "Most or all people affected, or data lost or exposed. All hands, now."),
    SEV2("Major", "A core function is unavailable or badly degraded for many people."),
    SEV3("Minor", "Partial degradation or a workaround exists; a few people affected."),
    SEV4("Low", "Little or no visible effect; worth learning from.");

    private final String label;
    private final String description;

    Severity(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
