package org.kintsugi.analysis.factors;

import java.util.List;
import org.kintsugi.postmortem.FactorSource;
import org.kintsugi.postmortem.PostmortemPublished;
import org.springframework.stereotype.Component;

/** Hand a postmortem's contributing factors to the publication, in the taxonomy's order. */
@Component
class FactorsForPublication implements FactorSource {

    private final ContributingFactors factors;

    FactorsForPublication(ContributingFactors factors) {
        this.factors = factors;
    }

    @Override
    public List<PostmortemPublished.Factor> factors(long postmortemId) {
        return factors.forPostmortem(postmortemId).stream()
                .map(f -> new PostmortemPublished.Factor(f.category().name(), f.statement()))
                .toList();
    }
}
