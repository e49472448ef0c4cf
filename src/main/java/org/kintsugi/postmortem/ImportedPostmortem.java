package org.kintsugi.postmortem;

import java.util.List;

/** What importing one postmortem made, as other modules read it: the incident and postmortem it became. */
public interface ImportedPostmortem {

    /** Return the key of the incident the document became, e.g. {@code INC-42}. */
    String incidentKey();

    /** Return the id of the postmortem the document became. */
    long postmortemId();

    /** Return the incident's title. */
    String title();

    /** Return what could not be read, e.g. timeline lines without a readable time. */
    List<String> warnings();
}
