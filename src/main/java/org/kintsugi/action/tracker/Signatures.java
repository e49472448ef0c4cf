package org.kintsugi.action.tracker;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** Check that a webhook knows the shared secret, comparing in constant time so timing tells an attacker nothing. */
final class Signatures {

    private Signatures() {}

    /** Return whether {@code header} is {@code sha256=<hex HMAC-SHA256 of body keyed with secret>}. */
    static boolean signedBy(String secret, byte[] body, @Nullable String header) {
        if (secret.isEmpty() || header == null) {
            return false;
        }
        return same("sha256=" + hmac(secret, body), header.strip().toLowerCase(Locale.ROOT));
    }

    /** Return whether a token sent in a header is the secret. */
    static boolean same(String secret, @Nullable String given) {
        if (secret.isEmpty() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
