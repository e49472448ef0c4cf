package org.kintsugi.analysis.whys;

/** The contributing factor an answer was marked as: which one, and its category as it is named now. */
public record FactorTag(long factorId, long categoryId, String category, boolean retired) {}
