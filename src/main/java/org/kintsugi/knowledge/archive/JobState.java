package org.kintsugi.knowledge.archive;

/** Where an archive import stands. */
public enum JobState {
    /** Stored and waiting for a free worker. */
    QUEUED,
    /** Importing its files one by one. */
    RUNNING,
    /** Every file is imported, failed or left out. */
    DONE;

    /** Return the state as the API and pages write it, e.g. {@code running}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
