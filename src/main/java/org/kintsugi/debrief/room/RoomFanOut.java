package org.kintsugi.debrief.room;

import java.util.function.Consumer;

/**
 * Carry a room's changes, once committed, to every node's open event streams: in-process on one node, through the
 * database's notifications across several.
 */
public interface RoomFanOut {

    /** Tell every node of a committed change. */
    void publish(RoomSignal signal);

    /** Receive every change told on any node, this one included. */
    void subscribe(Consumer<RoomSignal> receiver);
}
