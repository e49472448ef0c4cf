package org.kintsugi.debrief.room;

import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seat people in a room the first time they come, each in a transaction of its own: two requests seating the same
 * person at once both succeed, one by inserting and the other by finding the row there.
 */
@Component
class Participants {

    private final RoomStore store;
    private final Clock clock;

    Participants(RoomStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void seat(long debriefId, long personId) {
        if (store.hasParticipant(debriefId, personId)) {
            return;
        }
        try {
            store.addParticipant(debriefId, personId, clock.instant());
        } catch (DuplicateKeyException alreadySeated) {
            // Seated by a request of the same person at the same moment: what this one wanted.
        }
    }
}
