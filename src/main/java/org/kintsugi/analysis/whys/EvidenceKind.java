package org.kintsugi.analysis.whys;

/** What a piece of evidence points at. */
public enum EvidenceKind {
    TIMELINE_EVENT("Timeline event"),
    ACCOUNT_ENTRY("Account entry"),
    URL("Link");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    /** Return the name shown to people. */
    public String label() {
        return label;
    }
}
