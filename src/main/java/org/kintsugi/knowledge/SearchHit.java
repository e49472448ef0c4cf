package org.kintsugi.knowledge;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One incident found.
 *
 * @param snippet where it matched, HTML-escaped, with the matched words in {@code <mark>}
 * @param section the name of the part the snippet comes from (a postmortem section's heading, "Timeline", "Five
 *     whys", …), or null when only the title matched
 */
public record SearchHit(
        String incidentKey,
        @Nullable Long postmortemId,
        String title,
        String snippet,
        @Nullable String section,
        float score,
        String kind,
        String severity,
        Instant startedAt) {}
