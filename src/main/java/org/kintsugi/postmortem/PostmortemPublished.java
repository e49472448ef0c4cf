package org.kintsugi.postmortem;

import java.time.Instant;
import java.util.List;

/**
 * A postmortem (or a new revision of it) was published for everyone to read.
 *
 * @param factors the contributing factors named in it, as they stood when it was published
 */
public record PostmortemPublished(
        long postmortemId,
        long incidentId,
        String incidentKey,
        String title,
        int revision,
        String publishedBy,
        Instant publishedAt,
        List<Factor> factors) {

    public PostmortemPublished {
        factors = List.copyOf(factors);
    }

    /** A contributing factor as a published postmortem names it: its category and what the condition was. */
    public record Factor(String category, String statement) {}
}
