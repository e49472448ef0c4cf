package org.kintsugi.action.tracker;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An action item's ticket: saved as a request before the tracker is called, so it is never lost, then the ticket
 * once the tracker has created it.
 */
@Entity
@Table(name = "tracker_links")
class TrackerLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long actionId;
    private String tracker = "";

    @Enumerated(EnumType.STRING)
    private RequestState state = RequestState.PENDING;

    private int attempts;
    private @Nullable Instant nextAttemptAt;
    private @Nullable String lastError;
    private Instant requestedAt = Instant.EPOCH;
    private String requestedBy = "";
    private @Nullable String remoteProject;
    private @Nullable String remoteId;
    private @Nullable String ticketKey;
    private @Nullable String ticketUrl;
    private @Nullable String remoteStatus;
    private boolean remoteClosed;
    private @Nullable Instant lastSyncedAt;
    private @Nullable String syncProblem;
    private @Nullable String note;

    @Version
    private long version;

    protected TrackerLink() {}

    /** Ask for a ticket; the caller holds the first attempt until {@code claimedUntil}. */
    TrackerLink(long actionId, TrackerKind kind, Instant now, String actor, Instant claimedUntil) {
        this.actionId = actionId;
        request(kind, now, actor, claimedUntil);
    }

    /** Ask again after the tracker refused, possibly of another tracker. */
    void request(TrackerKind kind, Instant now, String actor, Instant claimedUntil) {
        this.tracker = kind.code();
        this.state = RequestState.PENDING;
        this.attempts = 0;
        this.lastError = null;
        this.requestedAt = now;
        this.requestedBy = actor;
        this.nextAttemptAt = claimedUntil;
    }

    /** Take the next attempt if it is due, holding it until {@code until} so no other node makes it too. */
    boolean claim(Instant now, Instant until) {
        if (state != RequestState.PENDING || (nextAttemptAt != null && nextAttemptAt.isAfter(now))) {
            return false;
        }
        nextAttemptAt = until;
        return true;
    }

    void created(Ticket ticket, Instant now) {
        state = RequestState.SENT;
        remoteProject = ticket.project();
        remoteId = ticket.id();
        ticketKey = ticket.key();
        ticketUrl = ticket.url();
        nextAttemptAt = null;
        lastError = null;
        synced(ticket.state(), now);
        remoteClosed = ticket.state().closed();
    }

    /** The tracker could not be reached or failed for now: try again at {@code next}. */
    void attemptFailed(String error, Instant next) {
        attempts++;
        lastError = clip(error, 2000);
        nextAttemptAt = next;
    }

    /** The tracker refused the ticket: stop until someone sends the item again. */
    void refused(String error) {
        attempts++;
        state = RequestState.FAILED;
        lastError = clip(error, 2000);
        nextAttemptAt = null;
    }

    void synced(TicketState seen, Instant now) {
        remoteStatus = clip(seen.status(), 100);
        lastSyncedAt = now;
        syncProblem = null;
    }

    void syncFailed(String problem) {
        syncProblem = clip(problem, 2000);
    }

    /** Record whether the ticket is closed; return whether that is news. */
    boolean closedIs(boolean closed) {
        boolean changed = remoteClosed != closed;
        remoteClosed = closed;
        return changed;
    }

    void note(@Nullable String note) {
        this.note = note == null ? null : clip(note, 1000);
    }

    long id() {
        return Objects.requireNonNull(id, "tracker link not saved yet");
    }

    long actionId() {
        return actionId;
    }

    TrackerKind kind() {
        return TrackerKind.fromCode(tracker).orElseThrow();
    }

    RequestState state() {
        return state;
    }

    TicketRef ticket() {
        return new TicketRef(
                Objects.requireNonNull(remoteProject), Objects.requireNonNull(remoteId), String.valueOf(ticketKey));
    }

    TrackerLinkView view() {
        return new TrackerLinkView(
                actionId,
                kind(),
                state,
                ticketKey,
                ticketUrl,
                remoteStatus,
                remoteClosed,
                lastSyncedAt,
                attempts,
                state == RequestState.PENDING ? nextAttemptAt : null,
                lastError,
                syncProblem,
                note,
                requestedAt,
                requestedBy);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
