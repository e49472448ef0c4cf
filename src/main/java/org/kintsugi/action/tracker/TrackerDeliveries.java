package org.kintsugi.action.tracker;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The webhook deliveries already taken, kept in the database for a window (24 hours by default) so a delivery sent
 * twice is acted on once, across nodes and restarts. A delivery is known by the id its tracker gives it, or by a
 * SHA-256 of its payload when there is none.
 */
@Component
class TrackerDeliveries {

    private static final int MAX_ID = 100;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration window;

    TrackerDeliveries(
            JdbcTemplate jdbc, Clock clock, @Value("${kintsugi.trackers.delivery-window:24h}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = window;
    }

    /** Return the id to know a delivery by: the tracker's own, or a hash of the payload when it gives none. */
    static String id(@Nullable String given, byte[] body) {
        String id = given == null ? "" : given.strip();
        if (id.isEmpty()) {
            return "sha256:" + sha256(body);
        }
        // An id is a UUID or alike; a longer one is kept by its hash, so the column always holds it.
        return id.length() <= MAX_ID ? id : "sha256:" + sha256(id.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Do the work of a delivery unless it was taken before within the window; empty when it was. The delivery is
     * taken before the work, so of two arriving at once only one does it; work that fails gives it back, so the
     * tracker's retry is acted on.
     */
    <T> Optional<T> once(TrackerKind kind, String id, Supplier<T> work) {
        Instant now = clock.instant();
        jdbc.update(
                "delete from tracker_deliveries where tracker = ? and delivery_id = ? and received_at < ?",
                kind.code(),
                id,
                now.minus(window).atOffset(ZoneOffset.UTC));
        try {
            jdbc.update(
                    "insert into tracker_deliveries (tracker, delivery_id, received_at) values (?, ?, ?)",
                    kind.code(),
                    id,
                    now.atOffset(ZoneOffset.UTC));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } catch (RuntimeException e) {
            jdbc.update("delete from tracker_deliveries where tracker = ? and delivery_id = ?", kind.code(), id);
            throw e;
        }
    }

    /** Forget the deliveries older than the window; return how many. */
    int forgetOld() {
        return jdbc.update(
                "delete from tracker_deliveries where received_at < ?",
                clock.instant().minus(window).atOffset(ZoneOffset.UTC));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
