package org.kintsugi.postmortem;

import java.util.Locale;

/** Where a postmortem is in its life: written, reviewed, approved, published for everyone. */
public enum PostmortemStatus {
    DRAFT("Draft"),
    IN_REVIEW("In review"),
    APPROVED("Approved"),
    PUBLISHED("Published");

    private final String label;

    PostmortemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Return the lower-case name used in URLs and JSON, e.g. {@code in-review}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
