package org.kintsugi.debrief.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.room.CardTally;
import org.kintsugi.debrief.room.RoomFanOut;
import org.kintsugi.debrief.room.RoomLog;
import org.kintsugi.debrief.room.RoomManagement;
import org.kintsugi.debrief.room.RoomReader;
import org.kintsugi.debrief.room.RoomSignal;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.LimitExceededException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The open event streams of this node's rooms, bounded per debrief and in all. A stream is sent every change after
 * the client's {@code Last-Event-ID} from the log, then every change as it is committed, and a heartbeat comment every
 * 15 seconds that both keeps it open and finds streams whose client is gone.
 */
@Component
public class RoomStreams {

    /** Changes a reconnecting stream is sent from the log at most; beyond, it is sent the latest only. */
    static final int CATCH_UP = 1000;

    private final Map<Long, Set<Connection>> byDebrief = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final RoomManagement rooms;
    private final RoomLog log;
    private final ITemplateEngine templates;
    private final int perDebrief;
    private final int overall;
    private final Duration timeout;

    RoomStreams(
            RoomManagement rooms,
            RoomLog log,
            RoomFanOut fanOut,
            ITemplateEngine templates,
            @Value("${kintsugi.limits.debrief-streams-per-debrief:300}") int perDebrief,
            @Value("${kintsugi.limits.debrief-streams:2000}") int overall,
            @Value("${kintsugi.debrief.stream-timeout:PT30M}") Duration timeout) {
        this.rooms = rooms;
        this.log = log;
        this.templates = templates;
        this.perDebrief = perDebrief;
        this.overall = overall;
        this.timeout = timeout;
        fanOut.subscribe(this::deliver);
    }

    /** Open a stream of a room's changes for this person, starting after {@code lastEventId} when given. */
    public SseEmitter open(long id, @Nullable String lastEventId, KintsugiPrincipal me) {
        rooms.checkEntering(id, me);
        Set<Connection> here = byDebrief.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet());
        if (here.size() >= perDebrief) {
            throw busy(
                    "debrief-streams-per-debrief",
                    perDebrief,
                    "This debrief's room has " + perDebrief + " streams open already");
        }
        if (total.incrementAndGet() > overall) {
            total.decrementAndGet();
            throw busy("debrief-streams", overall, "This node has " + overall + " room streams open already");
        }
        Connection connection = new Connection(id, me.id(), me.isAdmin(), new SseEmitter(timeout.toMillis()));
        here.add(connection);
        SseEmitter emitter = connection.emitter();
        emitter.onCompletion(() -> closed(connection));
        emitter.onTimeout(() -> closed(connection));
        emitter.onError(e -> closed(connection));
        try {
            connection.seated(rooms.streamOpened(id, me));
            connection.catchUp(missed(id, lastEventId));
        } catch (IOException | RuntimeException e) {
            closed(connection);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            emitter.completeWithError(e);
        }
        return emitter;
    }

    /** Return how many streams this node has open to a room. */
    public int open(long id) {
        return byDebrief.getOrDefault(id, Set.of()).size();
    }

    private List<RoomSignal> missed(long id, @Nullable String lastEventId) {
        long after = parse(lastEventId);
        long latest = log.latest(id);
        if (after < 0
                || latest - after > 0 && log.after(id, after, CATCH_UP + 1).size() > CATCH_UP) {
            // A fresh stream, or one too far behind: the latest change makes the page fetch the room as it is now.
            return latest == 0 ? List.of() : List.of(new RoomSignal(id, latest, "room"));
        }
        return log.after(id, after, CATCH_UP);
    }

    private static long parse(@Nullable String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank() || lastEventId.length() > 19) {
            return -1;
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void deliver(RoomSignal signal) {
        Set<Connection> connections = byDebrief.getOrDefault(signal.debriefId(), Set.of());
        if (connections.isEmpty()) {
            return;
        }
        // Read once for all of this node's streams: who wrote how many cards, so each is told only what it may know.
        CardTally tally = signal.kind().equals("card") ? tally(signal.debriefId()) : null;
        Connection.People people = signal.kind().equals("presence") ? people(signal.debriefId()) : null;
        Connection.Votes votes = signal.kind().equals("vote") ? votes(signal.debriefId()) : null;
        for (Connection connection : connections) {
            try {
                connection.send(signal, tally, people, votes);
            } catch (IOException | IllegalStateException gone) {
                connection.emitter().complete();
                closed(connection);
            }
        }
    }

    private Connection.@Nullable People people(long id) {
        RoomReader.PeopleView view = peopleView(id);
        String html = view == null ? null : render(view, "people");
        return html == null ? null : new Connection.People(view.facilitatorId(), html);
    }

    private Connection.@Nullable Votes votes(long id) {
        RoomReader.PeopleView view = peopleView(id);
        String html = view == null ? null : render(view, "votes");
        return html == null ? null : new Connection.Votes(view.votesUsed(), html);
    }

    // A read or a render that fails leaves the part unsent: every stream is then told the room changed, and each
    // page reads it again.
    private RoomReader.@Nullable PeopleView peopleView(long id) {
        try {
            return rooms.people(id);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private @Nullable String render(RoomReader.PeopleView view, String fragment) {
        try {
            return templates
                    .process("debrief/fragments/room", Set.of(fragment), new Context(Locale.ROOT, Map.of("room", view)))
                    .strip();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private @Nullable CardTally tally(long id) {
        try {
            return rooms.tally(id);
        } catch (RuntimeException e) {
            return null; // then every stream is told the room changed, and each page reads it again
        }
    }

    @Scheduled(fixedDelayString = "${kintsugi.debrief.heartbeat-ms:15000}")
    void heartbeat() {
        byDebrief.forEach((id, connections) -> {
            List<Long> alive = connections.stream()
                    .filter(c -> {
                        try {
                            c.heartbeat();
                            return true;
                        } catch (IOException | IllegalStateException gone) {
                            c.emitter().complete();
                            closed(c);
                            return false;
                        }
                    })
                    .map(Connection::personId)
                    .distinct()
                    .toList();
            if (!alive.isEmpty()) {
                rooms.seen(id, alive);
            }
        });
    }

    private void closed(Connection connection) {
        if (!connection.close()) {
            return;
        }
        Set<Connection> here = byDebrief.get(connection.debriefId());
        if (here != null && here.remove(connection)) {
            total.decrementAndGet();
        }
        try {
            rooms.streamClosed(connection.debriefId(), connection.personId());
        } catch (RuntimeException e) {
            // The stream is gone either way; presence runs out with the heartbeat.
        }
    }

    private static LimitExceededException busy(String setting, int max, String message) {
        return new LimitExceededException(LimitExceededException.Kind.BUSY, "events", setting, max, message);
    }
}
