package org.kintsugi.postmortem;

/**
 * A postmortem was started or changed: a section, its timeline or where it is in review. Published with the change,
 * so readers that keep a copy of what it says (the search index) refresh it.
 */
public record PostmortemChanged(long postmortemId, long incidentId) {}
