package org.kintsugi.shared.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypt secrets for the database and read them back: AES-256-GCM with a random 96-bit nonce and a 128-bit tag.
 * A ciphertext reads {@code enc1:<key id>:<base64 of nonce and ciphertext>}; the header is authenticated too, so
 * changing any part of it is detected. The empty string stands for "no secret" and stays empty.
 */
public final class Secrets {

    static final SecureRandom RANDOM = new SecureRandom();

    private static final String PREFIX = "enc1:";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeyRing ring;

    public Secrets(SecretKeyRing ring) {
        this.ring = ring;
    }

    /** Encrypt a secret under the primary key; the empty string stays empty. */
    public String encrypt(String plaintext) {
        if (plaintext.isEmpty()) {
            return "";
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String header = PREFIX + ring.primaryId() + ":";
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, ring.primary(), nonce, header);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return header + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * Decrypt what {@link #encrypt} made, under whichever key of the ring made it.
     *
     * @throws SecretKeyException when the value is not a ciphertext, its key is not among the keys given, or it was
     *     changed after it was encrypted
     */
    public String decrypt(String stored) {
        if (stored.isEmpty()) {
            return "";
        }
        if (!isEncrypted(stored)) {
            throw new SecretKeyException("A secret in the database is not encrypted; Kintsugi encrypts every secret"
                    + " when it starts, so it was written there by hand: set it again through Kintsugi.");
        }
        int end = stored.indexOf(':', PREFIX.length());
        String id = stored.substring(PREFIX.length(), end);
        SecretKey key = ring.find(id)
                .orElseThrow(() -> new SecretKeyException("A secret in the database was encrypted with key " + id
                        + ", which is not among the keys given in " + SecretKeyException.SETTINGS
                        + ": give that key again (as the key, or among the old keys)."));
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(end + 1));
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new AEADBadTagException("too short");
            }
            Cipher cipher =
                    cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(in, NONCE_BYTES), stored.substring(0, end + 1));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new SecretKeyException(
                    "A secret in the database encrypted with key " + id + " does not decrypt:"
                            + " it was changed after it was encrypted, or the key given for id " + id + " in "
                            + SecretKeyException.SETTINGS + " is not the one it was encrypted with.",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Return whether a stored value is already encrypted under the primary key (the empty string always is). */
    public boolean isCurrent(String stored) {
        return stored.isEmpty() || stored.startsWith(PREFIX + ring.primaryId() + ":");
    }

    /** Encrypt a stored value under the primary key: a plaintext from an older version, or one under an old key. */
    public String reEncrypt(String stored) {
        return isCurrent(stored) ? stored : encrypt(isEncrypted(stored) ? decrypt(stored) : stored);
    }

    /** Return whether a stored value has the form of a ciphertext (whether or not it decrypts). */
    public static boolean isEncrypted(String stored) {
        return stored.startsWith(PREFIX) && stored.indexOf(':', PREFIX.length()) > PREFIX.length();
    }

    /** Return the id of the key new secrets are encrypted with. */
    public String primaryKeyId() {
        return ring.primaryId();
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String header) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(header.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
