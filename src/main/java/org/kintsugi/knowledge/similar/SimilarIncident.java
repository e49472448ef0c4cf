package org.kintsugi.knowledge.similar;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A past incident that looks like another one, with a score between 0 and 1 and the reasons it was chosen: the
 * contributing factors, services and words they share, or how close they are in meaning.
 */
public record SimilarIncident(
        long incidentId,
        String incidentKey,
        @Nullable Long postmortemId,
        String title,
        double score,
        List<String> reasons) {}
