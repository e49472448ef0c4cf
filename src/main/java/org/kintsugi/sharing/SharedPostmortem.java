package org.kintsugi.sharing;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A published postmortem as the feed and the learning review show it: its latest published revision's key lessons
 * and contributing factors.
 *
 * @param firstPublishedAt when its first revision here was published
 * @param publishedAt when its latest revision here was published
 */
public record SharedPostmortem(
        long postmortemId,
        String title,
        String link,
        @Nullable String incidentKey,
        @Nullable String incidentKind,
        @Nullable String severity,
        List<String> teams,
        List<String> services,
        String summary,
        List<String> factors,
        String publishedBy,
        Instant firstPublishedAt,
        Instant publishedAt) {}
