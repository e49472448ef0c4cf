package org.kintsugi.incident;

/** What broke: a system, a way of working, people's situation, security, or something else. Someone was affected. */
public enum IncidentKind {
    SYSTEM("System", "A service, product or piece of infrastructure failed or degraded."),
    PROCESS("Process", "A way of working failed: a handover, a launch, a release or an approval."),
    PEOPLE("People", "People were affected by how we organise: a hiring, staffing or permissions mistake."),
    SECURITY("Security", "Confidentiality, integrity or availability was put at risk."),
    OTHER("Other", "Anything else where someone was affected.");

    private final String label;
    private final String description;

    IncidentKind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Return the lower-case name the API uses, e.g. {@code system}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
