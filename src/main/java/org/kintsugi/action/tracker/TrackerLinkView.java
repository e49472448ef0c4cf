package org.kintsugi.action.tracker;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An action item's ticket as readers see it: the request while it is on its way, then the ticket and its state.
 *
 * @param key the ticket's key, e.g. {@code acme/ops#12}, {@code group/project#5} or {@code OPS-7}, once created
 * @param remoteStatus the ticket's state in the tracker's words, e.g. {@code open}, {@code closed}, {@code In Progress}
 * @param attempts how many attempts to create the ticket have failed
 * @param lastError what the tracker answered to the last failed attempt
 * @param syncProblem why the ticket's state could not be read the last time, while that is so
 * @param note what Kintsugi did not do with a state change and why, e.g. a ticket closed while the item is proposed
 */
public record TrackerLinkView(
        long actionId,
        TrackerKind tracker,
        RequestState state,
        @Nullable String key,
        @Nullable String url,
        @Nullable String remoteStatus,
        boolean remoteClosed,
        @Nullable Instant lastSyncedAt,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable String syncProblem,
        @Nullable String note,
        Instant requestedAt,
        String requestedBy) {

    public boolean pending() {
        return state == RequestState.PENDING;
    }

    public boolean sent() {
        return state == RequestState.SENT;
    }

    public boolean failed() {
        return state == RequestState.FAILED;
    }
}
