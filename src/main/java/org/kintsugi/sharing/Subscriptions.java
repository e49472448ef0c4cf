package org.kintsugi.sharing;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each person's subscription in its table; a row is made, subscribed to nothing, the first time someone looks, with
 * random tokens for the feed and for unsubscribing.
 */
@Repository
class Subscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    Subscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A subscription with the token that its mails' unsubscribe link carries. */
    record Subscription(SubscriptionView view, String unsubscribeToken) {}

    Subscription of(long personId, Instant now) {
        return find(personId).orElseGet(() -> {
            try {
                jdbc.sql("insert into sharing_subscriptions (person_id, scope, scope_items, feed_token,"
                                + " unsubscribe_token, updated_at, version) values (:p, 'NONE', '', :feed, :unsub,"
                                + " :now, 0)")
                        .param("p", personId)
                        .param("feed", token())
                        .param("unsub", token())
                        .param("now", Channels.at(now))
                        .update();
            } catch (DuplicateKeyException e) {
                // Made at the same moment by another request of the same person: theirs stands.
            }
            return find(personId).orElseThrow();
        });
    }

    Optional<Subscription> find(long personId) {
        return jdbc.sql("select * from sharing_subscriptions where person_id = :p")
                .param("p", personId)
                .query(this::row)
                .optional();
    }

    List<Subscription> wanting() {
        return jdbc.sql("select * from sharing_subscriptions where scope <> 'NONE'")
                .query(this::row)
                .list();
    }

    Optional<Long> personWithFeedToken(String token) {
        return jdbc.sql("select person_id from sharing_subscriptions where feed_token = :t")
                .param("t", token)
                .query(Long.class)
                .optional();
    }

    Optional<Long> personWithUnsubscribeToken(String token) {
        return jdbc.sql("select person_id from sharing_subscriptions where unsubscribe_token = :t")
                .param("t", token)
                .query(Long.class)
                .optional();
    }

    boolean change(long personId, long version, Scope scope, List<String> items, Instant now) {
        return jdbc.sql("update sharing_subscriptions set scope = :scope, scope_items = :items, updated_at = :now,"
                                + " version = version + 1 where person_id = :p and version = :v")
                        .param("scope", scope.name())
                        .param("items", String.join("\n", items))
                        .param("now", Channels.at(now))
                        .param("p", personId)
                        .param("v", version)
                        .update()
                == 1;
    }

    void newFeedToken(long personId, Instant now) {
        jdbc.sql("update sharing_subscriptions set feed_token = :t, updated_at = :now, version = version + 1"
                        + " where person_id = :p")
                .param("t", token())
                .param("now", Channels.at(now))
                .param("p", personId)
                .update();
    }

    private Subscription row(ResultSet rs, int n) throws SQLException {
        String items = rs.getString("scope_items");
        return new Subscription(
                new SubscriptionView(
                        rs.getLong("person_id"),
                        Scope.valueOf(rs.getString("scope")),
                        items.isEmpty() ? List.of() : Arrays.asList(items.split("\n")),
                        rs.getString("feed_token"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("version")),
                rs.getString("unsubscribe_token"));
    }

    /** Return 256 random bits, URL-safe. */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
