package org.kintsugi.debrief;

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
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.RefusedException;

/**
 * A debrief meeting: when (stored in UTC, with the zone it was entered in), for how long, where, who facilitates and
 * who owns it. {@code sequence} counts the changes invitees are told of, as iCalendar's SEQUENCE does.
 */
@Entity
@Table(name = "debriefs")
class Debrief {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String uid = "";
    private @Nullable Long postmortemId;

    @Enumerated(EnumType.STRING)
    private DebriefKind kind = DebriefKind.RETROSPECTIVE;

    private String title = "";
    private Instant startsAt = Instant.EPOCH;
    private String zone = "UTC";
    private int durationMinutes;
    private String meetingLink = "";
    private long facilitatorId;
    private long ownerId;

    @Enumerated(EnumType.STRING)
    private DebriefState state = DebriefState.SCHEDULED;

    private int sequence;
    private Instant createdAt = Instant.EPOCH;
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    protected Debrief() {}

    Debrief(@Nullable Long postmortemId, DebriefDetails details, long ownerId, Instant now) {
        this.uid = "debrief-" + UUID.randomUUID() + "@kintsugi";
        this.postmortemId = postmortemId;
        this.kind = postmortemId == null ? DebriefKind.RETROSPECTIVE : DebriefKind.INCIDENT;
        this.ownerId = ownerId;
        this.createdAt = now;
        apply(details, now);
    }

    /**
     * Change the schedule; return whether invitees must be told, which raises the sequence. Changing who facilitates
     * alone is told too, since the invitation names them.
     */
    boolean revise(DebriefDetails details, Instant now) {
        if (state != DebriefState.SCHEDULED) {
            throw RefusedException.state("This debrief is " + state.code() + "; only a scheduled one can be changed.");
        }
        boolean changed = !details.title().equals(title)
                || !details.startsAt().equals(startsAt)
                || !details.zone().getId().equals(zone)
                || details.durationMinutes() != durationMinutes
                || !details.meetingLink().equals(meetingLink)
                || details.facilitatorId() != facilitatorId;
        if (changed) {
            apply(details, now);
            sequence++;
        }
        return changed;
    }

    /** Call the debrief off; invitees are sent a cancellation with a higher sequence. */
    void cancel(Instant now) {
        if (state != DebriefState.SCHEDULED) {
            throw RefusedException.state(
                    "This debrief is " + state.code() + "; only a scheduled one can be cancelled.");
        }
        state = DebriefState.CANCELLED;
        sequence++;
        updatedAt = now;
    }

    /** Note that who is invited changed, so that readers of the debrief know to read it again. */
    void touch(Instant now) {
        updatedAt = now;
    }

    /** Tell the invitees of a change to who is invited, such as someone no longer being asked to come. */
    void announce(Instant now) {
        sequence++;
        updatedAt = now;
    }

    /** Open the room: the meeting runs. Opening an open room changes nothing. */
    void open(Instant now) {
        if (state == DebriefState.CANCELLED || state == DebriefState.CLOSED) {
            throw RefusedException.state("This debrief is " + state.code() + "; its room cannot be opened.");
        }
        if (state == DebriefState.SCHEDULED) {
            state = DebriefState.OPEN;
            updatedAt = now;
        }
    }

    /** Close the room: the meeting is over and what it decided stays as it is. */
    void close(Instant now) {
        if (state != DebriefState.OPEN) {
            throw RefusedException.state("This debrief is " + state.code() + "; only an open room can be closed.");
        }
        state = DebriefState.CLOSED;
        updatedAt = now;
    }

    /** Hand the facilitator's role to someone else in the room. */
    void handOver(long personId, Instant now) {
        facilitatorId = personId;
        updatedAt = now;
    }

    private void apply(DebriefDetails details, Instant now) {
        this.title = details.title();
        this.startsAt = details.startsAt();
        this.zone = details.zone().getId();
        this.durationMinutes = details.durationMinutes();
        this.meetingLink = details.meetingLink();
        this.facilitatorId = details.facilitatorId();
        this.updatedAt = now;
    }

    /** Return whether this person may change the debrief: its owner, its facilitator, or an administrator. */
    boolean editableBy(long personId, boolean admin) {
        return admin || personId == ownerId || personId == facilitatorId;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("The debrief is not saved yet.");
        }
        return id;
    }

    String uid() {
        return uid;
    }

    @Nullable
    Long postmortemId() {
        return postmortemId;
    }

    DebriefKind kind() {
        return kind;
    }

    String title() {
        return title;
    }

    Instant startsAt() {
        return startsAt;
    }

    Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    ZoneId zone() {
        return ZoneId.of(zone);
    }

    int durationMinutes() {
        return durationMinutes;
    }

    String meetingLink() {
        return meetingLink;
    }

    long facilitatorId() {
        return facilitatorId;
    }

    long ownerId() {
        return ownerId;
    }

    DebriefState state() {
        return state;
    }

    int sequence() {
        return sequence;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }
}
