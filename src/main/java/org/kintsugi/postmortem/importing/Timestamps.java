package org.kintsugi.postmortem.importing;

import static java.util.regex.Pattern.CASE_INSENSITIVE;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Read the date and time an entry starts with, as postmortems write them: {@code 2023-02-14 10:29},
 * {@code Sep 27 2017 13:06}, {@code Jan 14, 10:18 AM}, {@code ~13:30-13:45}, {@code **16:58 UTC** -},
 * {@code 22:30 UTC (Oct 29)}, {@code 2018-07-08 ca. 18:30}, {@code 8 PM}. Dates are read by {@link WrittenDates}.
 */
final class Timestamps {

    private static final String HALF_DAY = "(?:\\s*(?<half>[ap])\\.?m\\b\\.?)";
    private static final Pattern TIME = Pattern.compile(
            "(?<hour>\\d{1,2}):(?<minute>\\d{2})(?::(?<second>\\d{2})(?:[.,]\\d+)?)?(?!\\d)" + HALF_DAY + "?",
            CASE_INSENSITIVE);
    private static final Pattern HOUR =
            Pattern.compile("(?<hour>\\d{1,2})(?<minute>)(?<second>)" + HALF_DAY, CASE_INSENSITIVE);
    private static final Pattern APPROXIMATELY =
            Pattern.compile("(?:~|≈|\\b(?:ca|circa|approx|approximately|around|about)\\b\\.?)\\s*", CASE_INSENSITIVE);
    private static final Pattern BETWEEN_DAY_AND_TIME = Pattern.compile("\\s*,\\s*|\\s+at\\s+|T|\\s*[-–]\\s*|\\s+");
    private static final Pattern UNTIL = Pattern.compile("\\s*(?:[-–—]|to)\\s*~?\\d{1,2}:\\d{2}" + HALF_DAY + "?");
    private static final Pattern OFFSET = Pattern.compile("Z(?![A-Za-z])|[+-]\\d{2}:?\\d{2}(?!\\d)");
    private static final Pattern BEFORE_ZONE = Pattern.compile("\\s*\\(?\\s*");
    private static final Pattern OPENING_PARENTHESIS = Pattern.compile("\\s*\\(\\s*");
    private static final Pattern CLOSING_PARENTHESIS = Pattern.compile("\\s*\\)");
    private static final Pattern BEFORE_TEXT = Pattern.compile("\\s*(?:[-–—:|,]+|\\.(?=\\s))?\\s*");

    private final String text;
    private int position;
    private @Nullable DayMention day;
    private @Nullable LocalTime time;
    private @Nullable ZoneId zone;
    private @Nullable String problem;

    private Timestamps(String text) {
        this.text = text;
    }

    /** Read the date, time and zone at the start of a text; an empty stamp when it starts with neither. */
    static Stamp read(String text) {
        Timestamps reading = new Timestamps(text);
        reading.skip(APPROXIMATELY);
        reading.readDay();
        reading.readTime();
        if (reading.day == null && reading.time != null) {
            reading.readDayInParentheses();
        }
        if (reading.day == null && reading.time == null && reading.problem == null) {
            return Stamp.none(text);
        }
        reading.skip(BEFORE_TEXT);
        return new Stamp(reading.day, reading.time, reading.zone, text.substring(reading.position), reading.problem);
    }

    private void readDay() {
        WrittenDates.at(text, position).ifPresent(found -> {
            day = found.day();
            problem = found.problem();
            position = found.end();
        });
    }

    private void readTime() {
        int afterDay = position;
        if (day != null || problem != null) {
            skip(BETWEEN_DAY_AND_TIME);
            skip(APPROXIMATELY);
        }
        Matcher match = lookingAt(TIME);
        match = match != null ? match : lookingAt(HOUR);
        if (match == null) {
            position = afterDay;
            return;
        }
        try {
            time = timeOfDay(match);
            skip(UNTIL);
            readZone();
        } catch (DateTimeException e) {
            problem = "'" + match.group() + "' is not a time of day";
        }
    }

    // "22:30 UTC (Oct 29)"
    private void readDayInParentheses() {
        int afterTime = position;
        if (lookingAt(OPENING_PARENTHESIS) != null) {
            Optional<WrittenDates.Found> found = WrittenDates.at(text, position).filter(date -> date.day() != null);
            position = found.map(WrittenDates.Found::end).orElse(position);
            if (found.isPresent() && lookingAt(CLOSING_PARENTHESIS) != null) {
                day = found.get().day();
                return;
            }
        }
        position = afterTime;
    }

    private void readZone() {
        Matcher offset = lookingAt(OFFSET);
        if (offset != null) {
            zone = offset.group().equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset.group());
            return;
        }
        int beforeZone = position;
        skip(BEFORE_ZONE);
        Optional<ZoneNames.Found> found = ZoneNames.at(text, position);
        if (found.isEmpty()) {
            position = beforeZone;
            return;
        }
        zone = found.get().zone();
        position = found.get().end();
        skip(CLOSING_PARENTHESIS);
    }

    private static LocalTime timeOfDay(Matcher match) {
        int hour = Integer.parseInt(match.group("hour"));
        int minute = match.group("minute").isEmpty() ? 0 : Integer.parseInt(match.group("minute"));
        String half = match.group("half");
        if (half != null && hour >= 1 && hour <= 12) {
            // 12 AM is midnight, 12 PM noon; "17:14pm" keeps its 24-hour reading.
            hour = hour % 12 + (half.equalsIgnoreCase("p") ? 12 : 0);
        }
        String second = match.group("second");
        return LocalTime.of(hour, minute, second == null || second.isEmpty() ? 0 : Integer.parseInt(second));
    }

    private void skip(Pattern pattern) {
        lookingAt(pattern);
    }

    private @Nullable Matcher lookingAt(Pattern pattern) {
        Matcher match = pattern.matcher(text).region(position, text.length());
        if (!match.lookingAt()) {
            return null;
        }
        position = match.end();
        return match;
    }
}
