package org.kintsugi.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A personal API token; only its SHA-256 hash is kept, the token itself is shown once. */
@Entity
@Table(name = "api_tokens")
class ApiToken {

    /** How stale the recorded last use may get before a request writes it again. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long userId;
    private String name;
    private String tokenHash;
    private String prefix;
    private Instant createdAt;
    private @Nullable Instant lastUsedAt;
    private @Nullable Instant revokedAt;

    protected ApiToken() {
        this.name = "";
        this.tokenHash = "";
        this.prefix = "";
        this.createdAt = Instant.EPOCH;
    }

    ApiToken(long userId, String name, String tokenHash, String prefix, Instant createdAt) {
        this.userId = userId;
        this.name = name.strip();
        this.tokenHash = tokenHash;
        this.prefix = prefix;
        this.createdAt = createdAt;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("token not saved yet");
        }
        return id;
    }

    long userId() {
        return userId;
    }

    boolean revoked() {
        return revokedAt != null;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    TokenView view() {
        return new TokenView(id(), name, prefix, createdAt, lastUsedAt, revokedAt);
    }
}
