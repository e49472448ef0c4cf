package org.kintsugi.postmortem.importing;

import java.time.Instant;

/** A moment on an imported timeline: when, and what happened, as plain text. */
public record ImportedEvent(Instant at, String description) {}
