package org.kintsugi.debrief.room;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The per-debrief log of room changes. A change appends a row in the transaction that makes it; once that commits,
 * the change is told to the streams through {@link RoomFanOut}. A stream that reconnects reads what it missed here.
 */
@Component
public class RoomLog {

    private final JdbcClient jdbc;
    private final RoomFanOut fanOut;
    private final Clock clock;

    RoomLog(JdbcClient jdbc, RoomFanOut fanOut, Clock clock) {
        this.jdbc = jdbc;
        this.fanOut = fanOut;
        this.clock = clock;
    }

    /** Append a change of this kind; it is told to the streams after the surrounding transaction commits. */
    long append(long debriefId, String kind) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into debrief_room_events (debrief_id, kind, at) values (?, ?, ?)")
                .params(debriefId, kind, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        RoomSignal signal = new RoomSignal(debriefId, id, kind);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fanOut.publish(signal);
                }
            });
        } else {
            fanOut.publish(signal);
        }
        return id;
    }

    /** Return up to {@code limit} changes of a room after the given id, oldest first. */
    public List<RoomSignal> after(long debriefId, long afterId, int limit) {
        return jdbc.sql("select debrief_id, id, kind from debrief_room_events where debrief_id = ? and id > ?"
                        + " order by id fetch first " + limit + " rows only")
                .params(debriefId, afterId)
                .query((rs, n) -> new RoomSignal(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .list();
    }

    /**
     * Where a room stands: its latest change and the version of its debrief (schedule, state, invitees), read in one
     * query, so a reader knows whether what it read before still holds.
     */
    record Stamp(long event, long events, long debrief) {}

    /**
     * Read a room's stamp. The count of its changes is part of it: two changes may commit in the other order than
     * their ids, and a change committed after a later id was read leaves the latest id as it was but not the count.
     */
    Stamp stamp(long debriefId) {
        return jdbc.sql("select (select coalesce(max(id), 0) from debrief_room_events where debrief_id = ?),"
                        + " (select count(*) from debrief_room_events where debrief_id = ?),"
                        + " (select coalesce(max(version), -1) from debriefs where id = ?)")
                .params(debriefId, debriefId, debriefId)
                .query((rs, n) -> new Stamp(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** Return the id of a room's latest change, 0 when it has none. */
    public long latest(long debriefId) {
        return jdbc.sql("select coalesce(max(id), 0) from debrief_room_events where debrief_id = ?")
                .param(debriefId)
                .query(Long.class)
                .single();
    }
}
