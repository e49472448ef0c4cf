package org.kintsugi.debrief.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.debrief.DebriefState;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facilitate a debrief's room: open it, move it from phase to phase and close it, set anonymity and the vote limits,
 * hand the facilitator's role to someone present; and keep track of who is here.
 */
@Service
@Transactional
public class RoomManagement {

    /** How long a person counts as present after their stream was last seen alive. */
    public static final Duration PRESENCE = Duration.ofSeconds(45);

    private final RoomAccess access;
    private final RoomStore store;
    private final RoomLog log;
    private final Participants participants;
    private final DebriefManagement debriefs;
    private final RoomSummary summary;
    private final RoomReader reader;
    private final Clock clock;

    RoomManagement(
            RoomAccess access,
            RoomStore store,
            RoomLog log,
            Participants participants,
            DebriefManagement debriefs,
            RoomSummary summary,
            RoomReader reader,
            Clock clock) {
        this.summary = summary;
        this.reader = reader;
        this.access = access;
        this.store = store;
        this.log = log;
        this.participants = participants;
        this.debriefs = debriefs;
        this.clock = clock;
    }

    /**
     * Move the room to a phase, opening it first when it was scheduled; {@code minutes} plans the phase (its default
     * when null). Moving to {@code closed} closes the debrief.
     */
    public void moveTo(long id, @Nullable String phaseCode, @Nullable Integer minutes, KintsugiPrincipal me) {
        DebriefView debrief = access.facilitating(id, me);
        if (debrief.state() == DebriefState.CANCELLED || debrief.state() == DebriefState.CLOSED) {
            throw RefusedException.state("This debrief is " + debrief.state().code() + "; its room does not move.");
        }
        List<RoomPhase> phases = RoomPhase.of(debrief.kind());
        RoomPhase phase = RoomPhase.byCode(phaseCode);
        if (phase == null || !phases.contains(phase)) {
            throw new InvalidInputException(
                    "phase",
                    "must be one of " + phases.stream().map(RoomPhase::code).collect(Collectors.joining(", ")));
        }
        Instant now = clock.instant();
        Room room = opened(debrief, now);
        int planned = minutes == null ? phase.plannedMinutes() : minutes;
        save(room.moveTo(phase, planned, now));
        if (phase == RoomPhase.CLOSED) {
            debriefs.markClosed(id);
            summary.keepAtClose(id, me);
        }
        log.append(id, "phase");
    }

    /** Choose whether new cards are anonymous, and how many votes each person has and one theme may take. */
    public void configure(long id, boolean anonymous, int votesPerPerson, int votesPerTheme, KintsugiPrincipal me) {
        DebriefView debrief = access.facilitating(id, me);
        Room room = store.room(id).orElseThrow(() -> notOpen(debrief));
        if (room.phase().ordinal() >= RoomPhase.VOTE.ordinal()
                && (room.votesPerPerson() != votesPerPerson || room.votesPerTheme() != votesPerTheme)) {
            throw RefusedException.state("Voting has begun; its limits stay as they were.");
        }
        save(room.configure(anonymous, votesPerPerson, votesPerTheme));
        log.append(id, "settings");
    }

    /** Hand the facilitator's role to someone present in the room. */
    public void handOver(long id, long personId, KintsugiPrincipal me) {
        DebriefView debrief = access.facilitating(id, me);
        if (debrief.state() != DebriefState.OPEN) {
            throw RefusedException.state("The facilitator is handed over in an open room; this one is "
                    + debrief.state().code() + ".");
        }
        Instant now = clock.instant();
        boolean present = store.participants(id).stream().anyMatch(p -> p.personId() == personId && present(p, now));
        if (!present) {
            throw new InvalidInputException("personId", "is not in the room now: hand over to someone present");
        }
        debriefs.handOver(id, personId);
        log.append(id, "facilitator");
    }

    /** Refuse, with 403, a person who may not come into this debrief's room. */
    @Transactional(readOnly = true)
    public void checkEntering(long id, KintsugiPrincipal me) {
        access.entering(id, me);
    }

    /**
     * Seat a person who opened the room's stream and count the stream as theirs; return how many cards they have
     * written and votes they have used, which the stream keeps to tell their own changes from others'.
     */
    public Seat streamOpened(long id, KintsugiPrincipal me) {
        access.entering(id, me);
        participants.seat(id, me.id());
        Instant now = clock.instant();
        store.connected(id, me.id(), 1, now);
        store.came(id, me.id(), now);
        log.append(id, "presence");
        int votesUsed = store.participants(id).stream()
                .filter(p -> p.personId() == me.id())
                .mapToInt(RoomStore.Participant::votesUsed)
                .findFirst()
                .orElse(0);
        return new Seat(store.cardCount(id, me.id()), votesUsed);
    }

    /** What a person had done in a room when their stream opened: the cards they wrote and the votes they used. */
    public record Seat(int cards, int votesUsed) {}

    /** Return who is in a room, as everyone there sees it: read once per presence change per node. */
    @Transactional(readOnly = true)
    public RoomReader.PeopleView people(long id) {
        return reader.people(id);
    }

    /** Return who wrote how many cards in a room, its phase and facilitator: read once per card change per node. */
    @Transactional(readOnly = true)
    public CardTally tally(long id) {
        RoomPhase phase = store.room(id).map(Room::phase).orElse(RoomPhase.CHECK_IN);
        return new CardTally(phase, debriefs.find(id).facilitator().id(), store.cardsByAuthor(id));
    }

    /** Count a person's stream as closed. */
    public void streamClosed(long id, long personId) {
        store.connected(id, personId, -1, clock.instant());
        log.append(id, "presence");
    }

    /** Note that these people's streams are alive. */
    public void seen(long id, List<Long> personIds) {
        store.seen(id, personIds, clock.instant());
    }

    static boolean present(RoomStore.Participant p, Instant now) {
        return p.connections() > 0 && p.lastSeenAt().isAfter(now.minus(PRESENCE));
    }

    private Room opened(DebriefView debrief, Instant now) {
        Room room = store.room(debrief.id()).orElse(null);
        if (room != null) {
            return room;
        }
        debriefs.markOpen(debrief.id());
        Room fresh = Room.opened(debrief.id(), now);
        store.insert(fresh);
        debrief.invitees().stream()
                .map(DebriefView.InviteeView::personId)
                .filter(Objects::nonNull)
                .filter(personId -> !store.hasParticipant(debrief.id(), personId))
                .forEach(personId -> store.addParticipant(debrief.id(), personId, now));
        return fresh;
    }

    private void save(Room room) {
        if (!store.update(room)) {
            throw new OptimisticLockingFailureException(
                    "The room was changed at the same moment; nothing of this request was saved.");
        }
    }

    static RefusedException notOpen(DebriefView debrief) {
        return RefusedException.state("The room of this debrief is not open yet; the facilitator opens it.");
    }
}
