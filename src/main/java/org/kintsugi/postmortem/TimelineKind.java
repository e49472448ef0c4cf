package org.kintsugi.postmortem;

import java.util.Locale;

/** What a moment on the timeline was: how the incident was noticed, what was done, seen, decided or said. */
public enum TimelineKind {
    DETECTION("Detection"),
    ACTION("Action"),
    OBSERVATION("Observation"),
    DECISION("Decision"),
    COMMUNICATION("Communication"),
    OTHER("Other");

    private final String label;

    TimelineKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Return the lower-case name used in URLs and JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
