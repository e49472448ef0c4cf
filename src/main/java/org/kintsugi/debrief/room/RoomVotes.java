package org.kintsugi.debrief.room;

import java.time.Clock;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.RefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dot voting on themes. A vote first raises the person's count of used votes with a conditional update (only while it
 * is under the limit), which also holds their row until the vote commits: concurrent clicks by one person are counted
 * one after another, and no more than the limit ever pass, per person and per theme.
 */
@Service
@Transactional
public class RoomVotes {

    private final RoomAccess access;
    private final RoomStore store;
    private final RoomLog log;
    private final Participants participants;
    private final Clock clock;

    RoomVotes(RoomAccess access, RoomStore store, RoomLog log, Participants participants, Clock clock) {
        this.access = access;
        this.store = store;
        this.log = log;
        this.participants = participants;
        this.clock = clock;
    }

    /** Put one of my votes on a theme. */
    public void vote(long id, long themeId, KintsugiPrincipal me) {
        Room room = voting(id, themeId, me);
        participants.seat(id, me.id());
        if (!store.useVote(id, me.id(), room.votesPerPerson())) {
            throw RefusedException.state("You have used all your " + room.votesPerPerson()
                    + " votes (votes per person = " + room.votesPerPerson() + "); take one back to vote again.");
        }
        if (store.votesOn(themeId, me.id()) >= room.votesPerTheme()) {
            // Thrown after the count was raised: the transaction rolls back, and the count with it.
            throw RefusedException.state("You have put " + room.votesPerTheme()
                    + " votes on this theme, as many as one theme may take (votes per theme = "
                    + room.votesPerTheme() + ").");
        }
        store.addVote(id, themeId, me.id(), clock.instant());
        log.append(id, "vote");
    }

    /** Take back one of my votes on a theme. */
    public void withdraw(long id, long themeId, KintsugiPrincipal me) {
        voting(id, themeId, me);
        if (!store.removeVote(themeId, me.id())) {
            throw RefusedException.state("You have no vote on this theme to take back.");
        }
        store.returnVote(id, me.id());
        log.append(id, "vote");
    }

    private Room voting(long id, long themeId, KintsugiPrincipal me) {
        DebriefView debrief = access.writing(id, me);
        Room room = store.room(id).orElseThrow(() -> RoomManagement.notOpen(debrief));
        if (store.themes(id).stream().noneMatch(t -> t.id() == themeId)) {
            throw new NotFoundException("There is no theme " + themeId + " in this debrief.");
        }
        if (room.phase() != RoomPhase.VOTE) {
            throw RefusedException.state("Votes are cast in the vote phase; the room is in "
                    + room.phase().label().toLowerCase() + ".");
        }
        return room;
    }
}
