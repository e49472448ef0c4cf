package org.kintsugi.knowledge.similar;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each incident's embedding: stored in {@code knowledge_vectors} beside its search document, and held in memory as
 * 8-bit numbers (384 bytes an incident, 38 MB for 100,000) for a nearest-neighbour scan. Every node reads the rows
 * written since it last looked before it answers, so a vector written on another node is found there too. Beside each
 * vector it holds the incident's failure-mechanism profile (14 numbers): the mean of the {@link MechanismHead}'s
 * reading of each passage, made with the vector from the same run of the model and stored beside it.
 */
@Component
public class DocumentVectors {

    /** Rows committed late, after a later-stamped row was read, are still picked up when this far behind. */
    private static final Duration LATE_COMMIT = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean enabled;
    private final Map<Long, byte[]> vectors = new ConcurrentHashMap<>();
    private final Map<Long, float[]> profiles = new ConcurrentHashMap<>();
    private final ReentrantLock catchingUp = new ReentrantLock();
    private volatile Instant readFrom = Instant.EPOCH;
    private volatile boolean loaded;

    DocumentVectors(JdbcClient jdbc, Clock clock, @Value("${kintsugi.similar.embeddings:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Return whether embeddings are made at all ({@code kintsugi.similar.embeddings}). */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Make the incident's embedding from its passages unless the stored one was made from the same text, inside the
     * caller's transaction.
     */
    public void update(long incidentId, List<String> passages) {
        if (!enabled) {
            return;
        }
        String hash = hash(passages);
        Optional<Boolean> current = jdbc.sql("select text_hash, profile from knowledge_vectors where incident_id = ?")
                .param(incidentId)
                .query((rs, n) -> rs.getString(1).equals(hash) && rs.getString(2) != null)
                .optional();
        if (current.orElse(false)) {
            return;
        }
        Embedder.Meaning meaning = Embedder.embed(passages);
        String vector = encode(meaning.vector());
        String profile = encode(meaning.profile());
        Instant now = clock.instant();
        if (current.isPresent()) {
            jdbc.sql("update knowledge_vectors set model = ?, text_hash = ?, vector = ?, profile = ?, computed_at = ?"
                            + " where incident_id = ?")
                    .params(Embedder.MODEL, hash, vector, profile, java.sql.Timestamp.from(now), incidentId)
                    .update();
        } else {
            jdbc.sql("insert into knowledge_vectors (incident_id, model, text_hash, vector, profile, computed_at)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(incidentId, Embedder.MODEL, hash, vector, profile, java.sql.Timestamp.from(now))
                    .update();
        }
    }

    /** Forget the incident's embedding, when its document is removed. */
    public void remove(long incidentId) {
        jdbc.sql("delete from knowledge_vectors where incident_id = ?")
                .param(incidentId)
                .update();
        vectors.remove(incidentId);
        profiles.remove(incidentId);
    }

    /** Return the incident's embedding, if one was made. */
    public Optional<float[]> of(long incidentId) {
        catchUp();
        byte[] stored = vectors.get(incidentId);
        if (stored == null) {
            return Optional.empty();
        }
        float[] vector = new float[stored.length];
        for (int i = 0; i < stored.length; i++) {
            vector[i] = stored[i] / 127f;
        }
        return Optional.of(Embedder.normalised(vector));
    }

    /** Return up to {@code limit} incidents nearest to the vector, nearest first, leaving out {@code except}. */
    public List<Neighbour> nearest(float[] query, int limit, long except) {
        catchUp();
        PriorityQueue<Neighbour> best = new PriorityQueue<>(Comparator.comparingDouble(Neighbour::cosine));
        for (Map.Entry<Long, byte[]> entry : vectors.entrySet()) {
            if (entry.getKey() == except) {
                continue;
            }
            double cosine = dot(query, entry.getValue()) / 127.0;
            if (best.size() < limit) {
                best.add(new Neighbour(entry.getKey(), cosine));
            } else if (cosine > best.peek().cosine()) {
                best.poll();
                best.add(new Neighbour(entry.getKey(), cosine));
            }
        }
        List<Neighbour> nearest = new ArrayList<>(best);
        nearest.sort(Comparator.comparingDouble(Neighbour::cosine).reversed());
        return nearest;
    }

    /**
     * Return the dot product of a vector and a stored one, in eight running sums: one sum waits for each addition
     * before the next, eight let the processor work on eight at once, which makes a scan of 100,000 vectors several
     * times quicker. The order of the additions differs from one sum's only in the last bits of the result.
     */
    static float dot(float[] query, byte[] stored) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (int end = stored.length - 7; i < end; i += 8) {
            s0 += query[i] * stored[i];
            s1 += query[i + 1] * stored[i + 1];
            s2 += query[i + 2] * stored[i + 2];
            s3 += query[i + 3] * stored[i + 3];
            s4 += query[i + 4] * stored[i + 4];
            s5 += query[i + 5] * stored[i + 5];
            s6 += query[i + 6] * stored[i + 6];
            s7 += query[i + 7] * stored[i + 7];
        }
        for (; i < stored.length; i++) {
            s0 += query[i] * stored[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** One incident near another, with the cosine of their embeddings. */
    public record Neighbour(long incidentId, double cosine) {}

    /** Return the incident's failure-mechanism profile, with every row stored so far read. */
    public Optional<float[]> mechanismProfile(long incidentId) {
        catchUp();
        return profileOf(incidentId);
    }

    /**
     * Return the incident's failure-mechanism profile as of the last look at the stored rows (made by {@link
     * #nearestByMechanism}, which comes first): the probabilities of the fourteen {@link Mechanism}s, summing to 1.
     */
    Optional<float[]> profileOf(long incidentId) {
        return Optional.ofNullable(profiles.get(incidentId));
    }

    /** Return up to {@code limit} incidents whose mechanism profile is nearest this one, nearest first. */
    public List<Neighbour> nearestByMechanism(float[] profile, int limit, long except) {
        catchUp();
        PriorityQueue<Neighbour> best = new PriorityQueue<>(Comparator.comparingDouble(Neighbour::cosine));
        for (Map.Entry<Long, float[]> entry : profiles.entrySet()) {
            if (entry.getKey() == except) {
                continue;
            }
            double similarity = MechanismHead.similarity(profile, entry.getValue());
            if (best.size() < limit) {
                best.add(new Neighbour(entry.getKey(), similarity));
            } else if (similarity > best.peek().cosine()) {
                best.poll();
                best.add(new Neighbour(entry.getKey(), similarity));
            }
        }
        List<Neighbour> nearest = new ArrayList<>(best);
        nearest.sort(Comparator.comparingDouble(Neighbour::cosine).reversed());
        return nearest;
    }

    /**
     * Read the rows written since the last look (all of them the first time). A row becomes visible when its
     * transaction commits, a little after the time it carries, so each look goes back {@link #LATE_COMMIT} before the
     * previous look began; rows older than that were all visible then and are not read again.
     */
    private void catchUp() {
        if (!enabled) {
            return;
        }
        catchingUp.lock();
        try {
            Instant started = clock.instant();
            Instant from = loaded ? readFrom : Instant.EPOCH;
            jdbc.sql("select incident_id, vector, profile from knowledge_vectors where computed_at >= ?")
                    .param(java.sql.Timestamp.from(from))
                    .query((rs, n) -> {
                        float[] vector = decode(rs.getString(2));
                        String profile = rs.getString(3);
                        vectors.put(rs.getLong(1), quantised(vector));
                        // a row made before profiles were stored: read from the mean until the fill-in makes it again
                        profiles.put(
                                rs.getLong(1),
                                profile == null ? MechanismHead.builtIn().profile(vector) : decode(profile));
                        return null;
                    })
                    .list();
            readFrom = started.minus(LATE_COMMIT);
            loaded = true;
        } finally {
            catchingUp.unlock();
        }
    }

    static String hash(List<String> passages) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Embedder.MODEL.getBytes(StandardCharsets.UTF_8));
            for (String passage : passages) {
                digest.update((byte) 0);
                digest.update(passage.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            bytes.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    static float[] decode(String encoded) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.remaining() / 4];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = bytes.getFloat();
        }
        return vector;
    }

    private static byte[] quantised(float[] vector) {
        byte[] bytes = new byte[vector.length];
        for (int i = 0; i < vector.length; i++) {
            bytes[i] = (byte) Math.max(-127, Math.min(127, Math.round(vector[i] * 127)));
        }
        return bytes;
    }
}
