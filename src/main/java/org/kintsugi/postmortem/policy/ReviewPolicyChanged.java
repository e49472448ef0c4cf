package org.kintsugi.postmortem.policy;

/**
 * The due-date rules or the review settings are about to change in the current transaction; whatever keeps a copy of
 * them reads them again.
 */
public record ReviewPolicyChanged() {}
