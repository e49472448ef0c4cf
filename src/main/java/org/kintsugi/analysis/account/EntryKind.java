package org.kintsugi.analysis.account;

import java.util.Locale;
import org.kintsugi.postmortem.TimelineKind;

/** What an entry of an account tells: what its writer did, saw, expected, assumed, or took the situation to be. */
public enum EntryKind {
    DID("Did", "What I did", TimelineKind.ACTION),
    OBSERVED("Observed", "What I observed", TimelineKind.OBSERVATION),
    EXPECTED("Expected", "What I expected", TimelineKind.OTHER),
    ASSUMED("Assumed", "What I assumed", TimelineKind.OTHER),
    UNDERSTOOD("Understood", "How I understood it then", TimelineKind.OTHER);

    private final String label;
    private final String prompt;
    private final TimelineKind timelineKind;

    EntryKind(String label, String prompt, TimelineKind timelineKind) {
        this.label = label;
        this.prompt = prompt;
        this.timelineKind = timelineKind;
    }

    /** Return the short name shown beside an entry, e.g. {@code Observed}. */
    public String label() {
        return label;
    }

    /** Return the words a writer chooses it by, e.g. {@code What I observed}. */
    public String prompt() {
        return prompt;
    }

    /** Return the lower-case name used in forms and JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Return whether an entry of this kind says what its writer took to be true at that moment, which is what two
     * accounts can tell differently. What people did, expected or assumed differs from person to person by nature.
     */
    public boolean tellsWhatWasTrue() {
        return this == OBSERVED || this == UNDERSTOOD;
    }

    TimelineKind timelineKind() {
        return timelineKind;
    }
}
