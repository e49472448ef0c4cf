package org.kintsugi.debrief;

import java.util.Locale;

/** Why someone is on the invitation: they facilitate, they are needed, or they may come (iCalendar ROLE). */
public enum InviteeRole {
    FACILITATOR,
    REQUIRED,
    OPTIONAL;

    /** Return the lower-case name the API uses, e.g. {@code optional}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
