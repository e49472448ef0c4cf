package org.kintsugi.postmortem.revision;

/** A section as it stood in a published revision. */
public record RevisionSection(String key, String heading, String body) {}
