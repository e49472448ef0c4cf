package org.kintsugi.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.NotFoundException;
import org.springframework.stereotype.Service;
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
    private final SecureRandom random = new SecureRandom();

    TokenManagement(ApiTokens tokens, Users users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
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

    /** Find the active person a presented token belongs to, recording its use. */
    Optional<KintsugiPrincipal> authenticate(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(secret))
                .filter(token -> !token.revoked())
                .flatMap(token -> {
                    token.usedAt(clock.instant());
                    return users.findById(token.userId());
                })
                .filter(User::active)
                .map(user -> new KintsugiPrincipal(user.view(), null));
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
