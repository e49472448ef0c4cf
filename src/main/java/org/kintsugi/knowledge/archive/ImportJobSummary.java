package org.kintsugi.knowledge.archive;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An archive import as lists show it: whose, where it stands and how far it got.
 *
 * @param total the Markdown files in the upload (files left out are not counted)
 * @param done files imported
 * @param failed files not imported, each with its reason
 * @param left files still waiting
 * @param skipped files left out because they are not Markdown
 */
public record ImportJobSummary(
        long id,
        long ownerId,
        String ownerName,
        JobState state,
        int total,
        int done,
        int failed,
        int left,
        int skipped,
        Instant createdAt,
        @Nullable Instant finishedAt) {

    ImportJobSummary withCounts(Map<FileState, Integer> counts) {
        return new ImportJobSummary(
                id,
                ownerId,
                ownerName,
                state,
                total,
                counts.getOrDefault(FileState.IMPORTED, 0),
                counts.getOrDefault(FileState.FAILED, 0),
                counts.getOrDefault(FileState.WAITING, 0),
                counts.getOrDefault(FileState.SKIPPED, 0),
                createdAt,
                finishedAt);
    }

    /** Return how many files are behind it, imported or failed. */
    public int processed() {
        return done + failed;
    }

    /** Return how far it got, 0 to 100, for a progress bar. */
    public int percent() {
        return total == 0 ? 100 : (int) (100L * processed() / total);
    }

    public boolean finished() {
        return state == JobState.DONE;
    }
}
