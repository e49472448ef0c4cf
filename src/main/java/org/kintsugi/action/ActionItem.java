package org.kintsugi.action;

import static org.kintsugi.action.ActionStatus.COMMITTED;
import static org.kintsugi.action.ActionStatus.DONE;
import static org.kintsugi.action.ActionStatus.DROPPED;
import static org.kintsugi.action.ActionStatus.IN_PROGRESS;
import static org.kintsugi.action.ActionStatus.NOT_EFFECTIVE;
import static org.kintsugi.action.ActionStatus.PROPOSED;
import static org.kintsugi.action.ActionStatus.VERIFIED;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;

/** One follow-up action of a postmortem, owned by exactly one person, followed until it is shown to work. */
@Entity
@Table(name = "action_items")
class ActionItem {

    /** One change to record in the item's history. */
    record Change(String what, String detail) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long postmortemId;
    private @Nullable Long parentId;
    private @Nullable Long followUpOf;
    private String title = "";
    private String description = "";
    private long ownerId;
    private String ownerName = "";
    private LocalDate dueDate = LocalDate.EPOCH;

    @Enumerated(EnumType.STRING)
    private Priority priority = Priority.P3;

    @Enumerated(EnumType.STRING)
    @Column(name = "action_type")
    private ActionType type = ActionType.PREVENT;

    private String verification = "";

    @Enumerated(EnumType.STRING)
    private ActionStatus status = PROPOSED;

    private Instant proposedAt = Instant.EPOCH;
    private String proposedBy = "";
    private @Nullable Instant committedAt;
    private @Nullable String earlyCommitReason;
    private @Nullable Instant doneAt;
    private @Nullable LocalDate verifyBy;
    private @Nullable Instant verifiedAt;
    private @Nullable String evidence;
    private @Nullable String dropReason;
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    protected ActionItem() {}

    ActionItem(
            long postmortemId, @Nullable Long parentId, ActionDetails details, Owner owner, String actor, Instant now) {
        this.postmortemId = postmortemId;
        this.parentId = parentId;
        this.proposedAt = now;
        this.proposedBy = actor;
        this.updatedAt = now;
        revise(details, owner, now);
    }

    /** The one person who owns an item. */
    record Owner(long id, String name) {}

    void followUpOf(long itemId) {
        this.followUpOf = itemId;
    }

    void revise(ActionDetails details, Owner owner, Instant now) {
        this.title = details.title().strip();
        this.description = details.description().strip();
        this.dueDate = details.dueDate();
        this.priority = details.priority();
        this.type = details.type();
        this.verification = details.verification().strip();
        this.ownerId = owner.id();
        this.ownerName = owner.name();
        this.updatedAt = now;
    }

    /**
     * Commit a proposal once it has soaked; before that only the postmortem's owner may, with a written reason.
     *
     * @param byPostmortemOwner whether the person committing owns the postmortem
     */
    Change commit(Instant now, Duration soak, boolean byPostmortemOwner, @Nullable String reason) {
        require(PROPOSED, "committed");
        Instant soaked = proposedAt.plus(soak);
        boolean early = now.isBefore(soaked);
        if (early && !byPostmortemOwner) {
            throw RefusedException.state("This proposal is still soaking: it can be committed from "
                    + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                            .withZone(ZoneOffset.UTC)
                            .format(soaked)
                    + ". Only the postmortem's owner may commit it earlier, with a reason.");
        }
        if (early && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "committing before the soak time ends needs a written reason");
        }
        status = COMMITTED;
        committedAt = now;
        earlyCommitReason = early ? Objects.requireNonNull(reason).strip() : null;
        updatedAt = now;
        return new Change("committed", early ? "before the soak time ended: " + earlyCommitReason : "");
    }

    Change start(Instant now) {
        require(COMMITTED, "started");
        status = IN_PROGRESS;
        updatedAt = now;
        return new Change("started", "");
    }

    Change complete(Instant now, int verifyAfterDays) {
        if (status != COMMITTED && status != IN_PROGRESS) {
            throw refused("completed");
        }
        status = DONE;
        doneAt = now;
        verifyBy = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(verifyAfterDays);
        updatedAt = now;
        return new Change("done", "verify by " + verifyBy);
    }

    Change verify(boolean effective, String evidence, Instant now) {
        require(DONE, "verified");
        if (evidence.isBlank()) {
            throw new InvalidInputException(
                    "evidence",
                    "say what shows whether it worked: a metric, a test, an incident" + " that did not happen");
        }
        status = effective ? VERIFIED : NOT_EFFECTIVE;
        this.evidence = evidence.strip();
        verifiedAt = now;
        updatedAt = now;
        return new Change(effective ? "verified effective" : "verified not effective", this.evidence);
    }

    Change reopen(Instant now) {
        if (status != DONE && status != NOT_EFFECTIVE) {
            throw refused("reopened");
        }
        status = IN_PROGRESS;
        doneAt = null;
        verifyBy = null;
        updatedAt = now;
        return new Change("reopened", "");
    }

    Change drop(String reason, Instant now) {
        if (!status.open()) {
            throw refused("dropped");
        }
        if (reason.isBlank()) {
            throw new InvalidInputException("reason", "say why the item is dropped, so nobody wonders later");
        }
        status = DROPPED;
        dropReason = reason.strip();
        updatedAt = now;
        return new Change("dropped", dropReason);
    }

    private void require(ActionStatus wanted, String done) {
        if (status != wanted) {
            throw refused(done);
        }
    }

    /**
     * Take another proposal's content into this one: its description and verification criterion are appended, and the
     * earlier due date and higher priority win.
     */
    Change absorb(ActionItem other, Instant now) {
        require(PROPOSED, "merged");
        if (other.status != PROPOSED) {
            throw RefusedException.state("Only proposals can be merged; \"" + other.title + "\" is "
                    + other.status.label().toLowerCase() + ".");
        }
        if (other.postmortemId != postmortemId) {
            throw new InvalidInputException("mergeId", "belongs to another postmortem");
        }
        if (!other.description.isBlank()) {
            description = (description.isBlank() ? "" : description + "\n\n") + "From \"" + other.title + "\": "
                    + other.description;
        }
        if (!other.verification.equalsIgnoreCase(verification)) {
            verification = verification + "; " + other.verification;
        }
        if (other.dueDate.isBefore(dueDate)) {
            dueDate = other.dueDate;
        }
        if (other.priority.compareTo(priority) < 0) {
            priority = other.priority;
        }
        updatedAt = now;
        return new Change("merged", "took in item " + other.id() + ": " + other.title);
    }

    /** Move a sub-step under another item, as when its parent is merged into that one. */
    void moveUnder(long newParentId, Instant now) {
        parentId = newParentId;
        updatedAt = now;
    }

    /** Set the priority, as when the owner chooses which committed items matter most. */
    Change prioritise(Priority wanted, Instant now) {
        if (!status.open()) {
            throw refused("re-prioritised");
        }
        Change change = new Change("changed", "priority " + priority + " → " + wanted);
        priority = wanted;
        updatedAt = now;
        return change;
    }

    long ownerId() {
        return ownerId;
    }

    String ownerName() {
        return ownerName;
    }

    LocalDate dueDate() {
        return dueDate;
    }

    String title() {
        return title;
    }

    private RefusedException refused(String done) {
        return RefusedException.state("An item that is " + status.label().toLowerCase() + " cannot be " + done + ".");
    }

    long id() {
        return Objects.requireNonNull(id, "action item not saved yet");
    }

    long postmortemId() {
        return postmortemId;
    }

    @Nullable
    Long parentId() {
        return parentId;
    }

    ActionStatus status() {
        return status;
    }

    long version() {
        return version;
    }

    Instant soakedAt(Duration soak) {
        return proposedAt.plus(soak);
    }

    ActionItemCommitted committed(long incidentId) {
        return new ActionItemCommitted(
                id(),
                postmortemId,
                incidentId,
                title,
                ownerId,
                ownerName,
                dueDate,
                status,
                Objects.requireNonNull(committedAt));
    }

    ActionItemCompleted completed(long incidentId) {
        return new ActionItemCompleted(
                id(),
                postmortemId,
                incidentId,
                title,
                ownerId,
                ownerName,
                dueDate,
                status,
                Objects.requireNonNull(doneAt),
                Objects.requireNonNull(verifyBy));
    }

    ActionItemVerified verified(long incidentId) {
        return new ActionItemVerified(
                id(),
                postmortemId,
                incidentId,
                title,
                ownerId,
                ownerName,
                dueDate,
                status,
                status == VERIFIED,
                Objects.requireNonNull(evidence),
                Objects.requireNonNull(verifiedAt));
    }

    ActionItemDropped dropped(long incidentId) {
        return new ActionItemDropped(
                id(),
                postmortemId,
                incidentId,
                title,
                ownerId,
                ownerName,
                dueDate,
                status,
                Objects.requireNonNull(dropReason),
                updatedAt);
    }

    ActionItemOverdue overdue(long incidentId, LocalDate noticedOn) {
        return new ActionItemOverdue(
                id(), postmortemId, incidentId, title, ownerId, ownerName, dueDate, status, noticedOn);
    }

    ActionView view(Duration soak, Progress progress) {
        return new ActionView(
                id == null ? 0 : id,
                postmortemId,
                parentId,
                followUpOf,
                title,
                description,
                new ActionView.Person(ownerId, ownerName),
                dueDate,
                priority,
                type,
                verification,
                status,
                proposedAt,
                proposedBy,
                soakedAt(soak),
                committedAt,
                earlyCommitReason,
                doneAt,
                verifyBy,
                verifiedAt,
                evidence,
                dropReason,
                progress,
                updatedAt,
                version);
    }
}
