package org.kintsugi.debrief.room;

import java.time.Instant;
import org.kintsugi.shared.InvalidInputException;

/**
 * A room's settings and where it stands: the phase, since when and for how many minutes; whether new cards are
 * anonymous; how many votes each person has and how many of them one theme may take.
 */
record Room(
        long debriefId,
        RoomPhase phase,
        Instant phaseStartedAt,
        int phaseMinutes,
        boolean anonymous,
        int votesPerPerson,
        int votesPerTheme,
        long version) {

    static final int MAX_VOTES = 20;
    static final int MAX_MINUTES = 240;

    /** A room as it opens: check-in, named cards, five votes each and at most three on one theme. */
    static Room opened(long debriefId, Instant now) {
        return new Room(debriefId, RoomPhase.CHECK_IN, now, RoomPhase.CHECK_IN.plannedMinutes(), false, 5, 3, 0);
    }

    Room moveTo(RoomPhase next, int minutes, Instant now) {
        checkMinutes(minutes);
        return new Room(debriefId, next, now, minutes, anonymous, votesPerPerson, votesPerTheme, version);
    }

    /** Change anonymity and vote limits, checking each against its bounds. */
    Room configure(boolean anonymous, int perPerson, int perTheme) {
        if (perPerson < 1 || perPerson > MAX_VOTES) {
            throw new InvalidInputException("votesPerPerson", "must be 1 to " + MAX_VOTES);
        }
        if (perTheme < 1 || perTheme > perPerson) {
            throw new InvalidInputException("votesPerTheme", "must be 1 to the votes per person (" + perPerson + ")");
        }
        return new Room(debriefId, phase, phaseStartedAt, phaseMinutes, anonymous, perPerson, perTheme, version);
    }

    Instant phaseEndsAt() {
        return phaseStartedAt.plusSeconds(60L * phaseMinutes);
    }

    static void checkMinutes(int minutes) {
        if (minutes < 0 || minutes > MAX_MINUTES) {
            throw new InvalidInputException("minutes", "must be 0 to " + MAX_MINUTES);
        }
    }
}
