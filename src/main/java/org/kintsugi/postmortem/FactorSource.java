package org.kintsugi.postmortem;

import java.util.List;

/**
 * Content another module adds to {@link PostmortemPublished}: the contributing factors found in the analysis. The
 * postmortem module asks every implementation when it publishes, without knowing the modules behind them.
 */
public interface FactorSource {

    /** Return the postmortem's contributing factors as they stand now. */
    List<PostmortemPublished.Factor> factors(long postmortemId);
}
