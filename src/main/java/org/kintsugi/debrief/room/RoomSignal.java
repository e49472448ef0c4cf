package org.kintsugi.debrief.room;

/** A change to a debrief's room as the event stream sends it: its id in the room's event log, and what changed. */
public record RoomSignal(long debriefId, long id, String kind) {}
