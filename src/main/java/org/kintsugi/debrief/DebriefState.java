package org.kintsugi.debrief;

import java.util.Locale;

/** Where a debrief stands: scheduled (the room opens at the start), cancelled, open (the meeting runs), closed. */
public enum DebriefState {
    SCHEDULED,
    CANCELLED,
    OPEN,
    CLOSED;

    /** Return the lower-case name the API uses, e.g. {@code scheduled}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
