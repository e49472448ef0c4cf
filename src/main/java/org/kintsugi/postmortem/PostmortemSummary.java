package org.kintsugi.postmortem;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The little an incident's page shows of its postmortem. */
public record PostmortemSummary(
        long id,
        PostmortemStatus status,
        String templateName,
        String ownerName,
        int revision,
        @Nullable Instant dueAt,
        @Nullable Instant publishedAt) {

    /** Return whether the postmortem is past its due moment and was never published. */
    public boolean overdueAt(Instant now) {
        return dueAt != null && publishedAt == null && now.isAfter(dueAt);
    }
}
