package org.kintsugi.debrief;

import java.util.Locale;

/** What a debrief looks back on: an incident's postmortem, or a period of work in a routine retrospective. */
public enum DebriefKind {
    INCIDENT("Incident debrief"),
    RETROSPECTIVE("Routine retrospective");

    private final String label;

    DebriefKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Return the lower-case name the API uses, e.g. {@code retrospective}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
