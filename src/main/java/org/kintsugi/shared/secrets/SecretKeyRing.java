package org.kintsugi.shared.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys secrets are encrypted with: the primary one encrypts, the others only decrypt what was encrypted before a
 * rotation. Each key is known by an id derived from it, written in front of every ciphertext.
 */
public final class SecretKeyRing {

    static final int KEY_BYTES = 32;

    private final String primaryId;
    private final Map<String, SecretKey> keys;

    private SecretKeyRing(String primaryId, Map<String, SecretKey> keys) {
        this.primaryId = primaryId;
        this.keys = keys;
    }

    /**
     * Make a ring of 256-bit keys given in base64, the first one the primary.
     *
     * @param source where the keys came from, named in the message when one is not a key
     */
    public static SecretKeyRing of(String source, List<String> base64Keys) {
        if (base64Keys.isEmpty()) {
            throw new SecretKeyException("No key to encrypt secrets with: set " + SecretKeyException.SETTINGS + ".");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String encoded : base64Keys) {
            byte[] key = decode(source, encoded.strip());
            keys.putIfAbsent(id(key), new SecretKeySpec(key, "AES"));
        }
        return new SecretKeyRing(keys.keySet().iterator().next(), Map.copyOf(keys));
    }

    /** Return a new random 256-bit key in base64, as {@code openssl rand -base64 32} would. */
    public static String generate() {
        byte[] key = new byte[KEY_BYTES];
        Secrets.RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Return the id of the key new secrets are encrypted with. */
    public String primaryId() {
        return primaryId;
    }

    SecretKey primary() {
        return keys.get(primaryId);
    }

    Optional<SecretKey> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** Return the id of a key: the first 8 hex digits of a SHA-256 over it, which tells nothing of the key. */
    static String id(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("kintsugi secret key id\n".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] decode(String source, String encoded) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new SecretKeyException("A key in " + source + " is not base64: give 32 random bytes in base64,"
                    + " e.g. the output of `openssl rand -base64 32`.");
        }
        if (key.length != KEY_BYTES) {
            throw new SecretKeyException("A key in " + source + " is " + key.length * 8
                    + " bits long; it must be 256 bits (32 bytes) in base64, e.g. `openssl rand -base64 32`.");
        }
        return key;
    }
}
