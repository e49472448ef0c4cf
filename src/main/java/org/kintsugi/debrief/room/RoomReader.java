package org.kintsugi.debrief.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Read a room as one person may see it: hidden cards hidden, anonymous authors of cards and notes unnamed, nudges for
 * the facilitator.
 */
@Service
@Transactional(readOnly = true)
public class RoomReader {

    private final DebriefManagement debriefs;
    private final RoomStore store;
    private final RoomLog log;
    private final UserManagement users;
    private final Clock clock;

    RoomReader(DebriefManagement debriefs, RoomStore store, RoomLog log, UserManagement users, Clock clock) {
        this.debriefs = debriefs;
        this.store = store;
        this.log = log;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Everything in a room that is the same for every reader, as it stood at one event of its log. When a change
     * reaches a room, each person's page reads the room again: with 200 people, the first read loads it, the others
     * only cut their own view from it.
     */
    private record Snapshot(
            RoomLog.Stamp stamp,
            Instant loadedAt,
            DebriefView debrief,
            Optional<Room> room,
            List<RoomStore.Card> cards,
            List<RoomStore.Vote> votes,
            List<RoomStore.Theme> themes,
            List<RoomStore.Note> notes,
            List<RoomStore.Participant> participants,
            List<RoomStore.Proposal> proposals,
            Map<Long, String> names) {}

    /**
     * How long a snapshot serves at most, for what changes outside the room's log and the debrief's version: presence
     * kept alive by heartbeats, and people's names.
     */
    static final Duration FRESH = Duration.ofSeconds(5);

    /** Rooms read within {@link #FRESH}: those whose snapshot has run out are dropped as the next one is kept. */
    private final Map<Long, Snapshot> snapshots = new ConcurrentHashMap<>();

    /** One room loads at a time per stripe, so 200 reads after a change load it once. */
    private final Object[] loading =
            IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();

    private Snapshot snapshot(long id, Instant now) {
        RoomLog.Stamp stamp = log.stamp(id);
        // Within a transaction that writes, what it changed is not committed yet: read afresh, and do not keep.
        boolean keep = TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        Snapshot known = snapshots.get(id);
        if (keep && fresh(known, stamp, now)) {
            return known;
        }
        synchronized (keep ? loading[(int) Math.floorMod(id, (long) loading.length)] : new Object()) {
            known = snapshots.get(id);
            if (keep && fresh(known, stamp, now)) {
                return known;
            }
            List<RoomStore.Card> cards = store.cards(id);
            List<RoomStore.Note> notes = store.notes(id);
            List<RoomStore.Participant> participants = store.participants(id);
            List<RoomStore.Proposal> proposals = store.proposals(id);
            // The names of the people in this room only, not of everyone in Kintsugi.
            Set<Long> named = new HashSet<>();
            cards.forEach(c -> named.add(c.authorId()));
            notes.forEach(n -> named.add(n.authorId()));
            participants.forEach(p -> named.add(p.personId()));
            proposals.forEach(p -> named.add(p.ownerId()));
            Snapshot loaded = new Snapshot(
                    stamp,
                    now,
                    debriefs.find(id),
                    store.room(id),
                    cards,
                    store.votes(id),
                    store.themes(id),
                    notes,
                    participants,
                    proposals,
                    Map.copyOf(named.isEmpty() ? Map.of() : users.names(named)));
            if (keep) {
                snapshots.values().removeIf(old -> !old.loadedAt().plus(FRESH).isAfter(now));
                snapshots.put(id, loaded);
            }
            return loaded;
        }
    }

    private static boolean fresh(@Nullable Snapshot known, RoomLog.Stamp stamp, Instant now) {
        return known != null
                && known.stamp().equals(stamp)
                && known.loadedAt().plus(FRESH).isAfter(now);
    }

    /** Return the room of a debrief as this person sees it. */
    public RoomView read(long id, KintsugiPrincipal me) {
        Instant now = clock.instant();
        Snapshot shot = snapshot(id, now);
        DebriefView debrief = RoomAccess.entering(shot.debrief(), me);
        Room room = shot.room().orElse(Room.opened(id, now));
        boolean opened = shot.room().isPresent();
        boolean facilitating = RoomAccess.facilitates(debrief, me);
        Map<Long, String> names = shot.names();
        List<RoomView.CardView> cards = shot.cards().stream()
                .filter(c -> !room.phase().cardsPrivate() || c.authorId() == me.id())
                .map(c -> new RoomView.CardView(
                        c.id(),
                        c.column(),
                        c.text(),
                        c.anonymous() ? null : names.getOrDefault(c.authorId(), "?"),
                        c.authorId() == me.id(),
                        c.themeId(),
                        facilitating ? c.coachNote() : null))
                .toList();
        int hidden = room.phase().cardsPrivate()
                ? (int) shot.cards().stream()
                        .filter(c -> c.authorId() != me.id())
                        .count()
                : 0;
        List<RoomStore.Vote> votes = shot.votes();
        List<RoomView.ThemeView> themes = shot.themes().stream()
                .map(t -> new RoomView.ThemeView(
                        t.id(),
                        t.title(),
                        (int) votes.stream().filter(v -> v.themeId() == t.id()).count(),
                        (int) votes.stream()
                                .filter(v -> v.themeId() == t.id() && v.personId() == me.id())
                                .count(),
                        t.whysNodeId(),
                        cards.stream()
                                .filter(c -> Long.valueOf(t.id()).equals(c.themeId()))
                                .toList(),
                        notes(shot, t.id(), me, facilitating)))
                .sorted(
                        room.phase().ordinal() >= RoomPhase.DISCUSS.ordinal()
                                ? Comparator.comparingInt(RoomView.ThemeView::votes)
                                        .reversed()
                                : Comparator.comparingLong(RoomView.ThemeView::id))
                .toList();
        List<RoomView.ParticipantView> participants = participants(shot, room, now);
        int myVotesLeft = participants.stream()
                .filter(p -> p.personId() == me.id())
                .mapToInt(RoomView.ParticipantView::votesLeft)
                .findFirst()
                .orElse(room.votesPerPerson());
        List<RoomView.ProposalView> proposals = shot.proposals().stream()
                .map(p -> new RoomView.ProposalView(
                        p.id(), p.text(), p.ownerId(), names.getOrDefault(p.ownerId(), "?"), p.actionId()))
                .toList();
        List<RoomView.Step> steps = RoomPhase.of(debrief.kind()).stream()
                .map(p -> new RoomView.Step(
                        p.code(),
                        p.label(),
                        opened && p == room.phase(),
                        opened && p.ordinal() < room.phase().ordinal()))
                .toList();
        return new RoomView(
                id,
                debrief.title(),
                debrief.meetingLink(),
                debrief.kind().code(),
                debrief.state().code(),
                debrief.postmortemId(),
                opened,
                room.phase().code(),
                room.phase().label(),
                steps,
                room.phaseStartedAt(),
                room.phaseMinutes(),
                room.phaseEndsAt(),
                room.anonymous(),
                room.votesPerPerson(),
                room.votesPerTheme(),
                debrief.facilitator().id(),
                debrief.facilitator().name(),
                facilitating,
                me.canWrite(),
                RoomColumns.of(debrief.kind()),
                cards,
                hidden,
                themes,
                participants,
                myVotesLeft,
                proposals,
                shot.stamp().event());
    }

    private static List<RoomView.NoteView> notes(
            Snapshot shot, long themeId, KintsugiPrincipal me, boolean facilitating) {
        return shot.notes().stream()
                .filter(n -> n.themeId() == themeId)
                .map(n -> new RoomView.NoteView(
                        n.id(),
                        n.themeId(),
                        n.text(),
                        n.anonymous() ? null : shot.names().getOrDefault(n.authorId(), "?"),
                        n.authorId() == me.id(),
                        n.authorId() == me.id() || facilitating,
                        facilitating ? n.coachNote() : null,
                        n.createdAt()))
                .toList();
    }

    private static List<RoomView.ParticipantView> participants(Snapshot shot, Room room, Instant now) {
        // Took part: came into the room, voted, or leads it; once the room is closed, also wrote or noted there
        // (through the API, with no stream open) — not before, when it would tell who wrote hidden or anonymous cards.
        Set<Long> wrote = new HashSet<>();
        wrote.add(shot.debrief().facilitator().id());
        if (room.phase() == RoomPhase.CLOSED) {
            shot.cards().forEach(c -> wrote.add(c.authorId()));
            shot.notes().forEach(n -> wrote.add(n.authorId()));
        }
        return shot.participants().stream()
                .map(p -> new RoomView.ParticipantView(
                        p.personId(),
                        shot.names().getOrDefault(p.personId(), "?"),
                        RoomManagement.present(p, now),
                        Math.max(0, room.votesPerPerson() - p.votesUsed()),
                        p.cameAt() != null || p.votesUsed() > 0 || wrote.contains(p.personId())))
                .sorted(Comparator.comparing(RoomView.ParticipantView::name))
                .toList();
    }

    /**
     * Return who is in a room, as everyone there sees it: what a stream sends when only presence changed. Read in a
     * read-only transaction, so the room's copy is shared with the readers of the same change.
     */
    public PeopleView people(long id) {
        Instant now = clock.instant();
        Snapshot shot = snapshot(id, now);
        Room room = shot.room().orElse(Room.opened(id, now));
        Map<Long, Integer> votesUsed = new HashMap<>();
        shot.participants().forEach(p -> votesUsed.put(p.personId(), p.votesUsed()));
        List<ThemeVotes> themes = shot.themes().stream()
                .map(t -> new ThemeVotes(t.id(), (int)
                        shot.votes().stream().filter(v -> v.themeId() == t.id()).count()))
                .toList();
        return new PeopleView(
                room.phase().code(),
                shot.debrief().facilitator().id(),
                shot.debrief().facilitator().name(),
                participants(shot, room, now),
                Map.copyOf(votesUsed),
                themes);
    }

    /**
     * Who is in a room and who facilitates it, for the room's "Who is here" line; how many votes each person has used
     * and each theme holds, for what a vote changes for everyone but the voter.
     */
    public record PeopleView(
            String phase,
            long facilitatorId,
            String facilitatorName,
            List<RoomView.ParticipantView> participants,
            Map<Long, Integer> votesUsed,
            List<ThemeVotes> themes) {

        /** Return how many votes this person has used. */
        public int votesUsedBy(long personId) {
            return votesUsed.getOrDefault(personId, 0);
        }
    }

    /** A theme's votes, from everyone. */
    public record ThemeVotes(long id, int votes) {}

    /** Return how many cards the coach has a nudge for: what the facilitator is told while cards are still hidden. */
    public int nudges(long id) {
        return (int) store.cards(id).stream().filter(c -> c.coachNote() != null).count();
    }

    /** Return how many notes on themes the coach has a nudge for, told to the facilitator alone. */
    public int noteNudges(long id) {
        return (int) store.notes(id).stream().filter(n -> n.coachNote() != null).count();
    }

    /** Return the active people of Kintsugi, to choose an owner from. */
    public List<UserView> people() {
        return users.all().stream().filter(UserView::active).toList();
    }
}
