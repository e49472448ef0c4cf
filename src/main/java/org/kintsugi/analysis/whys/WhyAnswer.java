package org.kintsugi.analysis.whys;

import java.util.List;

/** What a person writes for one why: the answer and the evidence behind it, checked before it is saved. */
public record WhyAnswer(String answer, List<Evidence> evidence) {

    public WhyAnswer {
        evidence = List.copyOf(evidence);
    }
}
