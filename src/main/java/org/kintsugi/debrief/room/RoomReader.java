package org.kintsugi.debrief.room;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read a room as one person may see it: hidden cards hidden, anonymous authors unnamed, nudges for the facilitator. */
@Service
@Transactional(readOnly = true)
public class RoomReader {

    private final RoomAccess access;
    private final RoomStore store;
    private final RoomLog log;
    private final UserManagement users;
    private final Clock clock;

    RoomReader(RoomAccess access, RoomStore store, RoomLog log, UserManagement users, Clock clock) {
        this.access = access;
        this.store = store;
        this.log = log;
        this.users = users;
        this.clock = clock;
    }

    /** Return the room of a debrief as this person sees it. */
    public RoomView read(long id, KintsugiPrincipal me) {
        DebriefView debrief = access.entering(id, me);
        Instant now = clock.instant();
        Room room = store.room(id).orElse(Room.opened(id, now));
        boolean opened = store.room(id).isPresent();
        boolean facilitating = RoomAccess.facilitates(debrief, me);
        Map<Long, String> names = new HashMap<>();
        users.all().forEach(u -> names.put(u.id(), u.displayName()));
        List<RoomView.CardView> cards = store.cards(id).stream()
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
                ? (int) store.cards(id).stream()
                        .filter(c -> c.authorId() != me.id())
                        .count()
                : 0;
        List<RoomStore.Vote> votes = store.votes(id);
        List<RoomView.ThemeView> themes = store.themes(id).stream()
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
                                .toList()))
                .sorted(
                        room.phase().ordinal() >= RoomPhase.DISCUSS.ordinal()
                                ? Comparator.comparingInt(RoomView.ThemeView::votes)
                                        .reversed()
                                : Comparator.comparingLong(RoomView.ThemeView::id))
                .toList();
        List<RoomView.ParticipantView> participants = store.participants(id).stream()
                .map(p -> new RoomView.ParticipantView(
                        p.personId(),
                        names.getOrDefault(p.personId(), "?"),
                        RoomManagement.present(p, now),
                        Math.max(0, room.votesPerPerson() - p.votesUsed())))
                .sorted(Comparator.comparing(RoomView.ParticipantView::name))
                .toList();
        int myVotesLeft = participants.stream()
                .filter(p -> p.personId() == me.id())
                .mapToInt(RoomView.ParticipantView::votesLeft)
                .findFirst()
                .orElse(room.votesPerPerson());
        List<RoomView.ProposalView> proposals = store.proposals(id).stream()
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
                log.latest(id));
    }

    /** Return how many cards the coach has a nudge for: what the facilitator is told while cards are still hidden. */
    public int nudges(long id) {
        return (int) store.cards(id).stream().filter(c -> c.coachNote() != null).count();
    }

    /** Return the active people of Kintsugi, to choose an owner from. */
    public List<UserView> people() {
        return users.all().stream().filter(UserView::active).toList();
    }
}
