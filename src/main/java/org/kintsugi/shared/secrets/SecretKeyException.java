package org.kintsugi.shared.secrets;

/** A secret cannot be encrypted or read back with the keys Kintsugi was given; the message names the setting. */
public class SecretKeyException extends IllegalStateException {

    static final String SETTINGS = "KINTSUGI_SECRET_KEY (kintsugi.secret-key), KINTSUGI_SECRET_OLD_KEYS"
            + " (kintsugi.secret-old-keys) or the key file";

    SecretKeyException(String message) {
        super(message);
    }

    SecretKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
