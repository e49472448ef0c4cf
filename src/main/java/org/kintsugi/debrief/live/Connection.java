package org.kintsugi.debrief.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kintsugi.debrief.room.RoomSignal;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream: whose it is, and the last change it was sent. Changes that arrive while it still catches up
 * from the log wait, then go out in order; none is sent twice.
 */
final class Connection {

    private final long debriefId;
    private final long personId;
    private final SseEmitter emitter;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<RoomSignal> waiting = new ArrayList<>();
    private boolean caughtUp;
    private long sent;

    Connection(long debriefId, long personId, SseEmitter emitter) {
        this.debriefId = debriefId;
        this.personId = personId;
        this.emitter = emitter;
    }

    long debriefId() {
        return debriefId;
    }

    long personId() {
        return personId;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** Send what the log holds after the client's last event, then whatever waited meanwhile. */
    synchronized void catchUp(List<RoomSignal> missed) throws IOException {
        for (RoomSignal signal : missed) {
            write(signal);
        }
        for (RoomSignal signal : waiting) {
            write(signal);
        }
        waiting.clear();
        caughtUp = true;
    }

    /** Send a live change, or keep it until the catch-up is done. */
    synchronized void send(RoomSignal signal) throws IOException {
        if (caughtUp) {
            write(signal);
        } else {
            waiting.add(signal);
        }
    }

    /** Send a comment line that keeps proxies from closing the stream and shows whether the client is still there. */
    synchronized void heartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("still here"));
    }

    private void write(RoomSignal signal) throws IOException {
        if (signal.id() <= sent) {
            return;
        }
        emitter.send(
                SseEmitter.event().id(Long.toString(signal.id())).name("room").data(signal.kind()));
        sent = signal.id();
    }

    /** Return true the first time only: the stream is closed from then on. */
    boolean close() {
        return closed.compareAndSet(false, true);
    }
}
