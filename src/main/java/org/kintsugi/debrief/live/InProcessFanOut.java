package org.kintsugi.debrief.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.kintsugi.debrief.room.RoomFanOut;
import org.kintsugi.debrief.room.RoomSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tell a room's changes to the streams of this node only: enough for one node on H2. */
class InProcessFanOut implements RoomFanOut {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessFanOut.class);

    private final List<Consumer<RoomSignal>> receivers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(RoomSignal signal) {
        deliver(receivers, signal);
    }

    @Override
    public void subscribe(Consumer<RoomSignal> receiver) {
        receivers.add(receiver);
    }

    static void deliver(List<Consumer<RoomSignal>> receivers, RoomSignal signal) {
        for (Consumer<RoomSignal> receiver : receivers) {
            try {
                receiver.accept(signal);
            } catch (RuntimeException e) {
                // One receiver's failure must not keep the change from the others; the stream catches up from the log.
                LOG.warn("A room change could not be delivered: {}", e.toString());
            }
        }
    }
}
