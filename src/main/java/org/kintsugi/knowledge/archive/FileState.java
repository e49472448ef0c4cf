package org.kintsugi.knowledge.archive;

/** Where one file of an archive import stands. */
public enum FileState {
    /** Stored, waiting for its turn. */
    WAITING,
    /** Imported: it has become an incident with its postmortem. */
    IMPORTED,
    /** Not imported, for the reason given with it. */
    FAILED,
    /** Not a postmortem (an image, a PDF…): left out, with the reason. */
    SKIPPED;

    /** Return the state as the API and pages write it, e.g. {@code imported}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
