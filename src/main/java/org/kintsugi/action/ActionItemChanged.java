package org.kintsugi.action;

/**
 * An action item was proposed or changed in any way (its words, owner, state, place). Published with every entry of
 * its history, so readers that keep a copy of the items (the search index) refresh it.
 */
public record ActionItemChanged(long actionItemId, long postmortemId) {}
