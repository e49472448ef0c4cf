package org.kintsugi.postmortem.importing;

import java.time.Instant;
import org.kintsugi.postmortem.TimelineKind;

/**
 * Hold one message read from a chat transcript: where it starts (1-based line), when it was said, by whom (empty when
 * the transcript does not say), what was said, and a guess at what kind of moment it was.
 */
public record TranscriptEntry(int line, Instant at, String author, String text, TimelineKind kind) {}
