package org.kintsugi.analysis.account;

import java.time.Instant;

/**
 * An entry of a shared account, named so other parts of the analysis can point at it as evidence.
 *
 * @param ref {@code account:entry}, e.g. {@code 12:3}: the account's id and the entry's number within it
 */
public record SharedEntry(
        String ref, long accountId, long number, String author, Instant at, EntryKind kind, String text) {

    /** Return how evidence names it: its writer, what kind of entry it is and its words. */
    public String label() {
        return author + " (" + kind.label().toLowerCase(java.util.Locale.ROOT) + "): " + text;
    }
}
