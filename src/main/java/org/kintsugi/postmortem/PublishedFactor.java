package org.kintsugi.postmortem;

/** A contributing factor as a published postmortem names it: its category and what the condition was. */
public record PublishedFactor(String category, String statement) {}
