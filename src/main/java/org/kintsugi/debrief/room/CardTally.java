package org.kintsugi.debrief.room;

import java.util.Map;

/**
 * How many cards each person has written in a room, with what decides who may know it: while the reflect phase lasts
 * a person sees their own cards and only the number of everyone else's, and the facilitator sees the coach's nudges
 * too. A node reads it once per card change and tells each of its streams what that person may know.
 */
public record CardTally(RoomPhase phase, long facilitatorId, Map<Long, Integer> byAuthor) {

    /** Return how many cards this person wrote. */
    public int mine(long personId) {
        return byAuthor.getOrDefault(personId, 0);
    }

    /** Return how many cards everyone else wrote. */
    public int others(long personId) {
        return byAuthor.values().stream().mapToInt(Integer::intValue).sum() - mine(personId);
    }

    /** Return whether cards are hidden, so a change to them reaches others as a count. */
    public boolean hidden() {
        return phase == RoomPhase.REFLECT;
    }
}
