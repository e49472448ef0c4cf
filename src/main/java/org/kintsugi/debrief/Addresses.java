package org.kintsugi.debrief;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

/** Check an e-mail address someone typed for an invitation. */
final class Addresses {

    /** The longest address SMTP carries (RFC 5321: 254 characters in a path). */
    static final int MAX_LENGTH = 254;

    private Addresses() {}

    /** Return what is wrong with the address, or null when Kintsugi can send to it. */
    static @Nullable String problem(String address) {
        if (address.isEmpty()) {
            return "is required: a person or an e-mail address";
        }
        if (address.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (!parsed.getAddress().equals(address) || !address.contains("@")) {
                return "must be a bare address such as ana@example.org";
            }
            return null;
        } catch (AddressException e) {
            return "is not an e-mail address (" + e.getMessage() + ")";
        }
    }
}
