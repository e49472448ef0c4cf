package org.kintsugi.postmortem;

import java.time.Instant;

/** A postmortem (or a new revision of it) was published for everyone to read. */
public record PostmortemPublished(
        long postmortemId,
        long incidentId,
        String incidentKey,
        String title,
        int revision,
        String publishedBy,
        Instant publishedAt) {}
