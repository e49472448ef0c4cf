package org.kintsugi.postmortem.importing;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kintsugi.postmortem.importing.ChatLine.Stamp;

/** Turn the times written in a chat into instants, keeping track of the day as the chat goes past midnight. */
final class ChatClock {

    /**
     * How far a time may go back before we take it that the chat crossed midnight. Chats show the time of day only, so
     * {@code 23:58} followed by {@code 00:03} is five minutes later, on the next day. Smaller steps back are left
     * alone: messages pasted slightly out of order (threads, edits) are more likely than a chat that went quiet for
     * eighteen hours.
     */
    private static final Duration MIDNIGHT = Duration.ofHours(6);

    private final ZoneId zone;
    private LocalDate day;
    private @Nullable LocalDateTime previous;

    ChatClock(LocalDate day, ZoneId zone) {
        this.day = day;
        this.zone = zone;
    }

    /** Place the written time on the timeline; a date or offset written with it wins over the chosen ones. */
    Instant at(Stamp stamp) throws UnreadableStamp {
        LocalTime time = timeOf(stamp);
        LocalDate date = stamp.date() == null ? dayFor(time) : dateOf(stamp.date());
        LocalDateTime local = LocalDateTime.of(date, time);
        // ZonedDateTime.of moves a time in the spring-forward gap later by the gap and takes the earlier offset in
        // the autumn overlap, which is how a chat client would have shown them.
        ZonedDateTime at = stamp.offset() == null
                ? ZonedDateTime.of(local, zone)
                : local.atOffset(offsetOf(stamp.offset())).atZoneSameInstant(zone);
        day = at.toLocalDate();
        previous = at.toLocalDateTime();
        return at.toInstant();
    }

    private LocalDate dayFor(LocalTime time) {
        LocalDateTime candidate = LocalDateTime.of(day, time);
        boolean crossedMidnight = previous != null && candidate.isBefore(previous.minus(MIDNIGHT));
        return crossedMidnight ? day.plusDays(1) : day;
    }

    private static LocalTime timeOf(Stamp stamp) throws UnreadableStamp {
        int hour = Integer.parseInt(stamp.hour());
        int minute = Integer.parseInt(stamp.minute());
        int second = stamp.second() == null ? 0 : Integer.parseInt(stamp.second());
        String meridiem = stamp.meridiem();
        if (meridiem != null) {
            return twelveHour(stamp.time(), meridiem, hour, minute, second);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw new UnreadableStamp("has a time that does not exist (" + stamp.time()
                    + "); expected hours 00 to 23 and minutes 00 to 59, like \"14:02 alice: restarted the pods\"");
        }
        return LocalTime.of(hour, minute, second);
    }

    private static LocalTime twelveHour(String written, String meridiem, int hour, int minute, int second)
            throws UnreadableStamp {
        if (hour < 1 || hour > 12 || minute > 59 || second > 59) {
            throw new UnreadableStamp("has a time that does not exist (" + written
                    + "); expected hours 1 to 12 before AM or PM, like \"2:02 PM alice: restarted the pods\"");
        }
        boolean afternoon = meridiem.toUpperCase(Locale.ROOT).startsWith("P");
        return LocalTime.of(hour % 12 + (afternoon ? 12 : 0), minute, second);
    }

    private static LocalDate dateOf(String written) throws UnreadableStamp {
        String[] parts = written.split("[-/]");
        try {
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (DateTimeException e) {
            throw new UnreadableStamp("has a date that does not exist (" + written
                    + "); expected year-month-day, like \"2023-02-14 14:02 alice: restarted the pods\"");
        }
    }

    private static ZoneOffset offsetOf(String written) throws UnreadableStamp {
        try {
            return ZoneOffset.of(written);
        } catch (DateTimeException e) {
            throw new UnreadableStamp(
                    "has a time zone offset that does not exist (" + written + "); expected Z or one like +01:00");
        }
    }

    /** A written date or time that does not exist; the message continues a sentence that starts with the line. */
    static final class UnreadableStamp extends Exception {

        UnreadableStamp(String issue) {
            super(issue);
        }
    }
}
