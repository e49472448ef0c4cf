package org.kintsugi.knowledge;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How the latest rebuild of the search index went, or is going.
 *
 * @param running whether a rebuild is at work now
 * @param step what it does now: reading incidents that have no search document yet, or indexing every document
 * @param done how many of {@code total} are done in this step
 * @param reason why it was started: by an administrator, or at start-up for a missing or damaged index
 * @param failure what went wrong, when the last rebuild failed
 */
public record RebuildProgress(
        boolean running,
        String step,
        long done,
        long total,
        String reason,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String failure) {

    /** Return the progress before any rebuild ran. */
    public static RebuildProgress none() {
        return new RebuildProgress(false, "", 0, 0, "", null, null, null);
    }

    /** Return the share done, 0 to 100. */
    public int percent() {
        return total == 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
    }
}
