package org.kintsugi.analysis.factors;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A contributing factor as people see it.
 *
 * @param statement the condition, in words; for a factor marked on a why-answer, the answer as it reads now
 * @param nodeId the why-answer it was marked on, or null when it was written directly
 */
public record FactorView(
        long id,
        long postmortemId,
        FactorIncident incident,
        String statement,
        CategoryView category,
        String note,
        @Nullable Long nodeId,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** Return whether the factor comes from the five whys. */
    public boolean fromWhys() {
        return nodeId != null;
    }
}
