package org.kintsugi.shared;

import java.time.ZoneId;
import java.util.List;

/** The time zones a person can choose from, sorted by name. */
public final class Zones {

    private static final List<String> ALL =
            ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private Zones() {}

    public static List<String> all() {
        return ALL;
    }
}
