package org.kintsugi.postmortem.importing;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read a time zone as people write one: an abbreviation ({@code PST}, {@code CET}), an offset ({@code UTC+2},
 * {@code GMT-7}), a region ({@code Europe/Zurich}) or a name ({@code Central European Time}, {@code Pacific}).
 *
 * <p>Abbreviations stand for the region where they are used, so that summer time follows the date: {@code PST} is
 * {@code America/Los_Angeles}, {@code CET} is {@code Europe/Copenhagen}, {@code IST} is India's.
 */
final class ZoneNames {

    private static final String LOS_ANGELES = "America/Los_Angeles";
    private static final String DENVER = "America/Denver";
    private static final String CHICAGO = "America/Chicago";
    private static final String NEW_YORK = "America/New_York";
    private static final String CENTRAL_EUROPE = "Europe/Copenhagen";
    private static final String EASTERN_EUROPE = "Europe/Helsinki";

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("UTC", "UTC"),
            Map.entry("GMT", "UTC"),
            Map.entry("PST", LOS_ANGELES),
            Map.entry("PDT", LOS_ANGELES),
            Map.entry("MST", DENVER),
            Map.entry("MDT", DENVER),
            Map.entry("CST", CHICAGO),
            Map.entry("CDT", CHICAGO),
            Map.entry("EST", NEW_YORK),
            Map.entry("EDT", NEW_YORK),
            Map.entry("AKST", "America/Anchorage"),
            Map.entry("AKDT", "America/Anchorage"),
            Map.entry("HST", "Pacific/Honolulu"),
            Map.entry("BST", "Europe/London"),
            Map.entry("WET", "Europe/Lisbon"),
            Map.entry("WEST", "Europe/Lisbon"),
            Map.entry("CET", CENTRAL_EUROPE),
            Map.entry("CEST", CENTRAL_EUROPE),
            Map.entry("EET", EASTERN_EUROPE),
            Map.entry("EEST", EASTERN_EUROPE),
            Map.entry("MSK", "Europe/Moscow"),
            Map.entry("IST", "Asia/Kolkata"),
            Map.entry("SGT", "Asia/Singapore"),
            Map.entry("JST", "Asia/Tokyo"),
            Map.entry("KST", "Asia/Seoul"),
            Map.entry("AEST", "Australia/Sydney"),
            Map.entry("AEDT", "Australia/Sydney"),
            Map.entry("AWST", "Australia/Perth"),
            Map.entry("NZST", "Pacific/Auckland"),
            Map.entry("NZDT", "Pacific/Auckland"));

    private static final Map<String, String> NAMES = Map.of(
            "pacific",
            LOS_ANGELES,
            "mountain",
            DENVER,
            "central",
            CHICAGO,
            "eastern",
            NEW_YORK,
            "central european",
            CENTRAL_EUROPE,
            "eastern european",
            EASTERN_EUROPE,
            "british",
            "Europe/London",
            "india",
            "Asia/Kolkata",
            "indian",
            "Asia/Kolkata",
            "coordinated universal",
            "UTC");

    private static final Pattern TOKEN = Pattern.compile("(?<offset>(?:UTC|GMT)\\s?(?<sign>[+\\-−])\\s?"
            + "(?<hours>\\d{1,2})(?::?(?<minutes>\\d{2}))?(?!\\d))"
            + "|(?<region>\\b[A-Z][A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)"
            + "|(?<name>(?i:\\b(?:central european|eastern european|coordinated universal|pacific|mountain|central"
            + "|eastern|british|indian?)\\b(?:\\s+(?:standard|daylight|summer))?(?:\\s+time\\b)?))"
            + "|(?<abbreviation>\\b[A-Z]{3,4}\\b)");
    private static final Pattern PHRASE = Pattern.compile(
            "(?i)\\b(?:times?\\b[^.]{0,20}?\\b(?:in|are)|time\\s?zone\\s*(?::|is)?)\\s+(?<zone>[^.]{1,60})");

    /** A zone found in text, and where its words end. */
    record Found(ZoneId zone, int end) {}

    private ZoneNames() {}

    /** Read a whole value, such as a front matter {@code timezone}, as a zone. */
    static Optional<ZoneId> parse(String value) {
        Matcher token = TOKEN.matcher(value.strip());
        if (token.matches()) {
            return resolve(token);
        }
        try {
            return Optional.of(ZoneId.of(value.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Read a zone written right at {@code from}, such as the {@code UTC} in {@code 10:29 UTC}. */
    static Optional<Found> at(String text, int from) {
        Matcher token = TOKEN.matcher(text).region(from, text.length());
        if (!token.lookingAt() || isBareName(token)) {
            // After a time, "14:02 Central team restarts" is about a team: a name counts only with "time".
            return Optional.empty();
        }
        return resolve(token).map(zone -> new Found(zone, token.end()));
    }

    /** Find the first zone anywhere in a text, such as a table header {@code Date and Time in CET}. */
    static Optional<ZoneId> find(String text) {
        Matcher token = TOKEN.matcher(text);
        int from = 0;
        while (token.find(from)) {
            Optional<ZoneId> zone = resolve(token);
            if (zone.isPresent()) {
                return zone;
            }
            from = token.start() + 1;
        }
        return Optional.empty();
    }

    /** Find a zone in a phrase such as "All times in PST" or "Time zone: UTC+2". */
    static Optional<ZoneId> inPhrase(String text) {
        Matcher phrase = PHRASE.matcher(text);
        while (phrase.find()) {
            Optional<ZoneId> zone = find(phrase.group("zone"));
            if (zone.isPresent()) {
                return zone;
            }
        }
        return Optional.empty();
    }

    private static Optional<ZoneId> resolve(Matcher token) {
        try {
            if (token.group("offset") != null) {
                int sign = token.group("sign").equals("+") ? 1 : -1;
                int minutes = token.group("minutes") == null ? 0 : Integer.parseInt(token.group("minutes"));
                return Optional.of(
                        ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(token.group("hours")), sign * minutes));
            }
            if (token.group("region") != null) {
                return Optional.of(ZoneId.of(token.group("region")));
            }
            String id = token.group("name") != null
                    ? NAMES.get(name(token.group("name")))
                    : ABBREVIATIONS.get(token.group());
            return Optional.ofNullable(id).map(ZoneId::of);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isBareName(Matcher token) {
        return token.group("name") != null
                && !token.group().toLowerCase(Locale.ROOT).endsWith("time");
    }

    private static String name(String words) {
        return words.toLowerCase(Locale.ROOT)
                .replaceAll("\\s+(?:standard|daylight|summer|time)\\b", "")
                .strip();
    }
}
