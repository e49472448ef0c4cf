package org.kintsugi.debrief.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.room.CardTally;
import org.kintsugi.debrief.room.RoomManagement;
import org.kintsugi.debrief.room.RoomSignal;
import org.kintsugi.debrief.room.RoomView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream: whose it is, and the changes it was sent. Changes that arrive while it still catches up
 * from the log wait, then go out in order; none is sent twice. Two changes may commit in the other order than their
 * ids: one that arrives after a later one was sent still goes out (as {@code room}, and the page reads the room).
 */
final class Connection {

    private final long debriefId;
    private final long personId;
    private final boolean admin;
    private final SseEmitter emitter;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<RoomSignal> waiting = new ArrayList<>();
    private boolean caughtUp;
    private long sent;
    // The ids sent lately, so a change is not sent twice (from the log and live) whatever order it arrives in.
    private final Set<Long> recent = new LinkedHashSet<>();
    private int mine;
    private int votesUsed;

    Connection(long debriefId, long personId, boolean admin, SseEmitter emitter) {
        this.debriefId = debriefId;
        this.personId = personId;
        this.admin = admin;
        this.emitter = emitter;
    }

    /** Remember how many cards this person had written and votes used when the stream opened. */
    synchronized void seated(RoomManagement.Seat seat) {
        mine = seat.cards();
        votesUsed = seat.votesUsed();
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

    /**
     * Send a live change, or keep it until the catch-up is done. A card change while cards are hidden, by someone
     * else, to someone who does not facilitate, changes nothing they see but the count of others' cards: that count
     * is sent ({@code cards}), and the page puts it in place without re-reading the room. A change of who is here, to
     * someone who does not facilitate (the facilitator's hand-over lists who is here), is sent as the "Who is here"
     * line itself ({@code people}), rendered once for every stream of the node. Someone else's vote changes, for
     * everyone, only the themes' totals and the voter's votes left: those are sent ({@code votes}, as out-of-band
     * swaps). Everything else says the room changed ({@code room}), and the page reads it again.
     */
    synchronized void send(RoomSignal signal, @Nullable CardTally tally, @Nullable People people, @Nullable Votes votes)
            throws IOException {
        if (!caughtUp) {
            waiting.add(signal);
            return;
        }
        if (people != null && !admin && people.facilitatorId() != personId && signal.id() > sent) {
            emitter.send(SseEmitter.event()
                    .id(Long.toString(signal.id()))
                    .name("people")
                    .data(people.html()));
            sent(signal.id());
            return;
        }
        if (votes != null && votes.votesUsedBy(personId) == votesUsed && signal.id() > sent) {
            emitter.send(SseEmitter.event()
                    .id(Long.toString(signal.id()))
                    .name("votes")
                    .data(votes.html()));
            sent(signal.id());
            return;
        }
        if (votes != null) {
            votesUsed = votes.votesUsedBy(personId);
        }
        if (tally != null
                && tally.hidden()
                && !admin
                && tally.facilitatorId() != personId
                && tally.mine(personId) == mine
                && signal.id() > sent) {
            emitter.send(SseEmitter.event()
                    .id(Long.toString(signal.id()))
                    .name("cards")
                    .data(RoomView.othersWritingText(tally.others(personId))));
            sent(signal.id());
            return;
        }
        if (tally != null) {
            mine = tally.mine(personId);
        }
        write(signal);
    }

    /** Send a comment line that keeps proxies from closing the stream and shows whether the client is still there. */
    synchronized void heartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("still here"));
    }

    private void write(RoomSignal signal) throws IOException {
        if (recent.contains(signal.id())) {
            return;
        }
        emitter.send(
                SseEmitter.event().id(Long.toString(signal.id())).name("room").data(signal.kind()));
        sent(signal.id());
    }

    private void sent(long id) {
        sent = Math.max(sent, id);
        recent.add(id);
        if (recent.size() > RECENT) {
            recent.remove(recent.iterator().next());
        }
    }

    private static final int RECENT = 1024;

    /** The "Who is here" line of a room, rendered, and who facilitates it. */
    record People(long facilitatorId, String html) {}

    /** The themes' vote totals and the "Who is here" line, rendered, and how many votes each person has used. */
    record Votes(java.util.Map<Long, Integer> used, String html) {

        int votesUsedBy(long personId) {
            return used.getOrDefault(personId, 0);
        }
    }

    /** Return true the first time only: the stream is closed from then on. */
    boolean close() {
        return closed.compareAndSet(false, true);
    }
}
