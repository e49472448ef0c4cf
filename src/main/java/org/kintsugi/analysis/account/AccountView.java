package org.kintsugi.analysis.account;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person's own account of an incident as its readers see it: its writer, narrative (Markdown), whether it is shared,
 * and its entries in time order; {@code version} covers the narrative, the entries and the status together.
 */
public record AccountView(
        long id,
        long postmortemId,
        long authorId,
        String authorName,
        String narrative,
        AccountStatus status,
        List<EntryView> entries,
        @Nullable Instant sharedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public AccountView {
        entries = List.copyOf(entries);
    }

    /** Return whether everyone who reads the postmortem may read it. */
    public boolean shared() {
        return status == AccountStatus.SHARED;
    }

    /** Return whether this person wrote it. */
    public boolean writtenBy(long userId) {
        return authorId == userId;
    }
}
