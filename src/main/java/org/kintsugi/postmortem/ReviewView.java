package org.kintsugi.postmortem;

import java.time.Instant;
import java.util.List;

/** A review as readers see it: who, on which revision, approved or not, why, and what they checked. */
public record ReviewView(
        int revision, Author reviewer, boolean approved, String comment, List<String> checked, Instant at) {}
