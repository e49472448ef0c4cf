package org.kintsugi.analysis.whys;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.coach.Finding;

/**
 * One answer as people see it.
 *
 * @param depth 1 for an answer to the problem statement, 2 for an answer to that, and so on
 * @param votes everyone's votes on it
 * @param myVotes the votes of the person looking
 * @param chosen whether the owner marked it as where the path ends
 * @param onChosenPath whether it is chosen or an ancestor of a chosen answer
 * @param findings what the blameless-language coach points out in the answer
 */
public record NodeView(
        long id,
        @Nullable Long parentId,
        int depth,
        String answer,
        List<Evidence> evidence,
        int votes,
        int myVotes,
        boolean chosen,
        boolean onChosenPath,
        @Nullable FactorTag factor,
        @Nullable Long actionId,
        List<Finding> findings,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        long version) {

    public NodeView {
        evidence = List.copyOf(evidence);
        findings = List.copyOf(findings);
    }
}
