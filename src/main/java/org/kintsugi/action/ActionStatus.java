package org.kintsugi.action;

import java.util.Locale;

/** Where an action item is: proposed, committed, being worked on, done, shown to work (or not), or dropped. */
public enum ActionStatus {
    PROPOSED("Proposed", true),
    COMMITTED("Committed", true),
    IN_PROGRESS("In progress", true),
    DONE("Done", false),
    VERIFIED("Verified effective", false),
    NOT_EFFECTIVE("Not effective", false),
    DROPPED("Dropped", false);

    private final String label;
    private final boolean open;

    ActionStatus(String label, boolean open) {
        this.label = label;
        this.open = open;
    }

    public String label() {
        return label;
    }

    /** Return whether work on the item is still ahead (it can still be dropped). */
    public boolean open() {
        return open;
    }

    /** Return the lower-case name used in URLs and JSON, e.g. {@code in-progress}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
