package org.kintsugi.analysis;

/**
 * Something in a postmortem's analysis changed: a personal account, the five whys or a contributing factor. Published
 * with the change, so readers that keep a copy (the search index) refresh it.
 */
public record AnalysisChanged(long postmortemId) {}
