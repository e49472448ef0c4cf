package org.kintsugi.postmortem.review;

import java.time.Instant;
import java.util.List;
import org.kintsugi.postmortem.Author;

/** A review as readers see it: who, on which revision, approved or not, why, and what they checked. */
public record ReviewView(
        int revision, Author reviewer, boolean approved, String comment, List<String> checked, Instant at) {}
