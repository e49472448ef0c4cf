package org.kintsugi.incident;

import java.util.Locale;
import java.util.OptionalLong;

/** The readable key of an incident, {@code INC-42}; the number is the incident's id. */
public final class IncidentKey {

    private static final String PREFIX = "INC-";

    private IncidentKey() {}

    public static String of(long id) {
        return PREFIX + id;
    }

    /** Read the id from a key such as {@code INC-42} (or {@code inc-42}); empty when it is not a key. */
    public static OptionalLong id(String key) {
        String k = key.strip().toUpperCase(Locale.ROOT);
        if (!k.startsWith(PREFIX)) {
            return OptionalLong.empty();
        }
        try {
            long id = Long.parseLong(k.substring(PREFIX.length()));
            return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
