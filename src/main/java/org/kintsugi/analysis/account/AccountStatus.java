package org.kintsugi.analysis.account;

import java.util.Locale;

/** Whether an account is still its writer's own draft, or shared with everyone who reads the postmortem. */
public enum AccountStatus {
    DRAFT("Draft"),
    SHARED("Shared");

    private final String label;

    AccountStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Return the lower-case name used in JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
