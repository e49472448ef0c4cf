package org.kintsugi.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of announcements: one row per announcement and channel or address. Every change is one conditional
 * statement, committed on its own, so a row is claimed by one sender at a time and its state survives a restart.
 */
@Repository
class Deliveries {

    static final int MAX_LISTED = 500;

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery as the sender needs it. */
    record Delivery(
            long id,
            long announcementId,
            @Nullable Long channelId,
            @Nullable Long personId,
            @Nullable String email,
            int attempts) {}

    void add(
            long announcementId,
            String target,
            @Nullable Long channelId,
            @Nullable Long personId,
            @Nullable String email,
            Instant now) {
        jdbc.sql("insert into sharing_deliveries (announcement_id, target, channel_id, person_id, email, state,"
                        + " attempts, next_attempt_at, created_at)"
                        + " values (:a, :target, :channel, :person, :email, 'PENDING', 0, :now, :now)")
                .param("a", announcementId)
                .param("target", target)
                .param("channel", channelId)
                .param("person", personId)
                .param("email", email)
                .param("now", Channels.at(now))
                .update();
    }

    /** Return the ids of deliveries due at {@code now} that no one is sending, the longest waiting first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("select id from sharing_deliveries where state <> 'SENT' and next_attempt_at <= :now"
                        + " and (lease_until is null or lease_until < :now) order by next_attempt_at, id"
                        + " fetch first " + limit + " rows only")
                .param("now", Channels.at(now))
                .query(Long.class)
                .list();
    }

    /** Take a due delivery to send it, counting the attempt; return whether this caller got it. */
    boolean claim(long id, Instant now, Instant until) {
        return jdbc.sql("update sharing_deliveries set lease_until = :until, attempts = attempts + 1"
                                + " where id = :id and state <> 'SENT' and next_attempt_at <= :now"
                                + " and (lease_until is null or lease_until < :now)")
                        .param("until", Channels.at(until))
                        .param("id", id)
                        .param("now", Channels.at(now))
                        .update()
                == 1;
    }

    Optional<Delivery> find(long id) {
        return jdbc.sql("select id, announcement_id, channel_id, person_id, email, attempts from sharing_deliveries"
                        + " where id = :id")
                .param("id", id)
                .query((rs, n) -> new Delivery(
                        rs.getLong("id"),
                        rs.getLong("announcement_id"),
                        nullableLong(rs, "channel_id"),
                        nullableLong(rs, "person_id"),
                        rs.getString("email"),
                        rs.getInt("attempts")))
                .optional();
    }

    void sent(long id, Instant now) {
        jdbc.sql("update sharing_deliveries set state = 'SENT', sent_at = :now, last_error = null,"
                        + " lease_until = null where id = :id")
                .param("now", Channels.at(now))
                .param("id", id)
                .update();
    }

    void failed(long id, String error, Instant next) {
        jdbc.sql("update sharing_deliveries set state = 'FAILED', last_error = :error, next_attempt_at = :next,"
                        + " lease_until = null where id = :id")
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("next", Channels.at(next))
                .param("id", id)
                .update();
    }

    /** Make a failed delivery due now; return whether there was one. */
    boolean retryNow(long id, Instant now) {
        return jdbc.sql("update sharing_deliveries set next_attempt_at = :now where id = :id and state = 'FAILED'")
                        .param("now", Channels.at(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Make every failed delivery of a channel due now; return how many. */
    int retryChannel(long channelId, Instant now) {
        return jdbc.sql(
                        "update sharing_deliveries set next_attempt_at = :now where channel_id = :c and state = 'FAILED'")
                .param("now", Channels.at(now))
                .param("c", channelId)
                .update();
    }

    long failing(long channelId) {
        return jdbc.sql("select count(*) from sharing_deliveries where channel_id = :c and state = 'FAILED'")
                .param("c", channelId)
                .query(Long.class)
                .single();
    }

    /** Return deliveries, in one state or all, the newest first, at most {@link #MAX_LISTED}. */
    List<DeliveryView> list(@Nullable DeliveryState state) {
        return jdbc.sql("select d.*, a.title, c.name as channel_name from sharing_deliveries d"
                        + " join sharing_announcements a on a.id = d.announcement_id"
                        + " left join sharing_channels c on c.id = d.channel_id"
                        + (state == null ? "" : " where d.state = :state")
                        + " order by d.created_at desc, d.id desc fetch first " + MAX_LISTED + " rows only")
                .params(state == null ? Map.<String, Object>of() : Map.<String, Object>of("state", state.name()))
                .query(this::view)
                .list();
    }

    private DeliveryView view(ResultSet rs, int n) throws SQLException {
        Long channel = nullableLong(rs, "channel_id");
        String to = channel == null ? rs.getString("email") : rs.getString("channel_name");
        OffsetDateTime sent = rs.getObject("sent_at", OffsetDateTime.class);
        return new DeliveryView(
                rs.getLong("id"),
                rs.getLong("announcement_id"),
                rs.getString("title"),
                to == null ? "(removed channel)" : to,
                channel,
                DeliveryState.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                sent == null ? null : sent.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
