package org.kintsugi.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue, list and revoke personal API tokens. A token is 32 random bytes; it is stored as its SHA-256 hash, which
 * is safe for secrets of that strength and cheap enough to check on every request.
 */
@Service
@Transactional
public class TokenManagement {

    static final String PREFIX = "kts_";

    private final ApiTokens tokens;
    private final Users users;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    TokenManagement(ApiTokens tokens, Users users, Clock clock, JdbcClient jdbc) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Issue a token for a person; the returned secret is never shown again. */
    public IssuedToken issue(long userId, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty()) {
            throw new InvalidInputException("name", "is required: say where the token will be used");
        }
        if (label.length() > 100) {
            throw new InvalidInputException("name", "must be at most 100 characters");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token =
                tokens.save(new ApiToken(userId, label, hash(secret), secret.substring(0, 10), clock.instant()));
        return new IssuedToken(token.view(), secret);
    }

    /** Return a person's tokens, newest first. */
    @Transactional(readOnly = true)
    public List<TokenView> of(long userId) {
        return tokens.findByUserIdOrderByCreatedAtDesc(userId).stream()
                .map(ApiToken::view)
                .toList();
    }

    /** Revoke one of a person's tokens; other people's tokens are not found. */
    public TokenView revoke(long userId, long tokenId) {
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> t.userId() == userId)
                .orElseThrow(() -> new NotFoundException("No token with id " + tokenId));
        token.revoke(clock.instant());
        return token.view();
    }

    /**
     * Find the active person a presented token belongs to, recording its use. Every API request asks, so this is one
     * plain statement outside any transaction, and the time of use is written only when the recorded one is older than
     * {@link ApiToken#LAST_USED_PRECISION}.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    Optional<KintsugiPrincipal> authenticate(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<Bearer> bearer = jdbc.sql("""
                        select t.id as token_id, t.last_used_at, u.id, u.email, u.display_name, u.role, u.zone_id,
                               u.created_at
                        from api_tokens t join users u on u.id = t.user_id
                        where t.token_hash = :hash and t.revoked_at is null and u.active = true""")
                .param("hash", hash(secret))
                .query((rs, n) -> new Bearer(
                        rs.getLong("token_id"),
                        moment(rs.getObject("last_used_at", OffsetDateTime.class)),
                        new UserView(
                                rs.getLong("id"),
                                rs.getString("email"),
                                rs.getString("display_name"),
                                Role.valueOf(rs.getString("role")),
                                true,
                                ZoneId.of(rs.getString("zone_id")),
                                rs.getObject("created_at", OffsetDateTime.class).toInstant())))
                .optional();
        bearer.ifPresent(this::recordUse);
        return bearer.map(b -> new KintsugiPrincipal(b.user(), null));
    }

    private record Bearer(long tokenId, @Nullable Instant lastUsedAt, UserView user) {}

    private void recordUse(Bearer bearer) {
        Instant now = clock.instant();
        if (bearer.lastUsedAt() == null
                || bearer.lastUsedAt().plus(ApiToken.LAST_USED_PRECISION).isBefore(now)) {
            jdbc.sql("update api_tokens set last_used_at = :now where id = :id")
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .param("id", bearer.tokenId())
                    .update();
        }
    }

    private static @Nullable Instant moment(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    static String hash(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
