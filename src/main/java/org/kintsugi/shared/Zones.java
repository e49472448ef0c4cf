package org.kintsugi.shared;

import java.time.ZoneId;
import java.util.List;

/** The time zones a person can choose from, sorted by name. */
public final class Zones {

    // iCal4j (the debrief invitations) registers a zone rules provider of its own, whose ids look like
    // "ical4j~<uuid>": people choose from the IANA zones only.
    private static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> !id.contains("~"))
            .sorted()
            .toList();

    private Zones() {}

    public static List<String> all() {
        return ALL;
    }

    /** Return whether people may choose this zone: one of {@link #all()}. */
    public static boolean known(String zone) {
        return ALL.contains(zone);
    }
}
