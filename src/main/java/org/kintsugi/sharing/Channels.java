package org.kintsugi.sharing;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.kintsugi.shared.secrets.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The chat channels in their table; the webhook address is encrypted on the way in and decrypted on the way out. */
@Repository
class Channels {

    private final JdbcClient jdbc;
    private final Secrets secrets;

    Channels(JdbcClient jdbc, Secrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** A channel with its webhook address in the clear, for sending. */
    record Channel(
            long id,
            String name,
            ChannelFormat format,
            String url,
            Scope scope,
            List<String> items,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        boolean wants(Announcement announcement) {
            return switch (announcement.audience().kind()) {
                case SUBSCRIBERS -> scope.matches(items, announcement);
                case TEAMS -> scope == Scope.TEAMS && scope.matches(items, announcement);
                case PARTICIPANTS -> false;
            };
        }

        ChannelView view(long failing) {
            return new ChannelView(
                    id, name, format, address(url), scope, items, failing, createdAt, updatedAt, version);
        }

        private static String address(String url) {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + "/…";
        }
    }

    List<Channel> all() {
        return jdbc.sql("select * from sharing_channels order by lower(name), id")
                .query(this::row)
                .list();
    }

    Optional<Channel> find(long id) {
        return jdbc.sql("select * from sharing_channels where id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    long count() {
        return jdbc.sql("select count(*) from sharing_channels")
                .query(Long.class)
                .single();
    }

    long add(ChannelDetails details, String url, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into sharing_channels (name, format, url, filter_kind, filter_items, created_at, updated_at,"
                        + " version) values (:name, :format, :url, :kind, :items, :now, :now, 0)")
                .param("name", details.name())
                .param("format", details.format().name())
                .param("url", secrets.encrypt(url))
                .param("kind", details.scope().name())
                .param("items", String.join("\n", details.items()))
                .param("now", at(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Change a channel if it is still at {@code version}; return whether it was. */
    boolean change(long id, long version, ChannelDetails details, String url, Instant now) {
        return jdbc.sql("update sharing_channels set name = :name, format = :format, url = :url, filter_kind = :kind,"
                                + " filter_items = :items, updated_at = :now, version = version + 1"
                                + " where id = :id and version = :version")
                        .param("name", details.name())
                        .param("format", details.format().name())
                        .param("url", secrets.encrypt(url))
                        .param("kind", details.scope().name())
                        .param("items", String.join("\n", details.items()))
                        .param("now", at(now))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Remove a channel if it is still at {@code version}, with what it has not been sent yet; return whether it was. */
    boolean remove(long id, long version) {
        int removed = jdbc.sql("delete from sharing_channels where id = :id and version = :version")
                .param("id", id)
                .param("version", version)
                .update();
        if (removed == 1) {
            jdbc.sql("delete from sharing_deliveries where channel_id = :id and state <> 'SENT'")
                    .param("id", id)
                    .update();
        }
        return removed == 1;
    }

    private Channel row(ResultSet rs, int n) throws SQLException {
        String items = rs.getString("filter_items");
        return new Channel(
                rs.getLong("id"),
                rs.getString("name"),
                ChannelFormat.valueOf(rs.getString("format")),
                secrets.decrypt(rs.getString("url")),
                Scope.valueOf(rs.getString("filter_kind")),
                items.isEmpty() ? List.of() : Arrays.asList(items.split("\n")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"));
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
