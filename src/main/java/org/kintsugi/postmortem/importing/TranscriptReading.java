package org.kintsugi.postmortem.importing;

import java.util.List;

/**
 * Hold what was read from a pasted chat transcript: the messages, in the order they were pasted, and the lines that
 * could not be read.
 */
public record TranscriptReading(List<TranscriptEntry> entries, List<LineProblem> problems) {

    public TranscriptReading {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }
}
