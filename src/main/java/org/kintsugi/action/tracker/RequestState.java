package org.kintsugi.action.tracker;

import java.util.Locale;

/** Where the request to create an item's ticket stands. */
public enum RequestState {
    /** Not created yet: waiting for its first attempt or for the next try after the tracker failed. */
    PENDING,
    /** The ticket exists; its key and address are known. */
    SENT,
    /** The tracker refused it (a bad token, an unknown project); sending again starts over. */
    FAILED;

    /** Return the lower-case name used in JSON, e.g. {@code pending}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
