package org.kintsugi.postmortem.importing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** One line of a pasted chat, told apart by how it starts and ends; dates and times are read by {@link ChatClock}. */
sealed interface ChatLine {

    String DATE = "(?<date>\\d{4}[-/]\\d{1,2}[-/]\\d{1,2})";
    String TIME = "(?<time>(?<hour>\\d{1,2}):(?<minute>\\d{2})(?::(?<second>\\d{2})(?:[.,]\\d+)?)?"
            + "(?:\\s*(?<meridiem>[AaPp]\\.?[Mm])\\.?(?!\\w))?)";
    String OFFSET = "(?<offset>Z|[+-]\\d{2}(?::?\\d{2})?)";

    /** {@code [2023-02-14 14:02:33] - alice: text}, where the brackets, date, seconds and dash may each be left out. */
    Pattern STAMPED = Pattern.compile(
            "^\\[?(?:" + DATE + "(?:T|\\s+))?" + TIME + OFFSET + "?\\]?(?=\\s|$)\\s*(?:[-–—|]\\s+)?(?<rest>.*)$");

    /**
     * Slack's name line, {@code Alice Smith  2:02 PM} or {@code alice [14:02]}. The two spaces or the brackets keep a
     * message that merely ends in a time ("back at 14:30") from being taken for a name line.
     */
    Pattern NAMED =
            Pattern.compile("^(?<name>[^\\s:\\[\\]]+(?: [^\\s:\\[\\]]+){0,3})(?:\\s{2,}\\[?|\\s+\\[)" + TIME + "\\]?$");

    /** {@code alice: text}: an author is one to three words before a colon and a space. */
    Pattern AUTHORED = Pattern.compile("^(?<author>[^\\s:]+(?: [^\\s:]+){0,2}):(?:\\s+(?<text>.*))?$");

    /** A line with nothing on it. */
    record Blank() implements ChatLine {}

    /** A line without a time: the next line of a message, or something that cannot be read. */
    record Plain(String text) implements ChatLine {}

    /** A line that starts with a time, followed by who said what. */
    record Stamped(Stamp stamp, String rest) implements ChatLine {}

    /** Slack's name line: who wrote and when; what was said follows on the lines below. */
    record Named(String author, Stamp stamp) implements ChatLine {}

    /** Sort the line by its shape. */
    static ChatLine of(String raw) {
        String line = tidy(raw);
        if (line.isEmpty()) {
            return new Blank();
        }
        Matcher stamped = STAMPED.matcher(line);
        if (stamped.matches()) {
            Stamp stamp = Stamp.from(stamped).on(stamped.group("date"), stamped.group("offset"));
            return new Stamped(stamp, stamped.group("rest").strip());
        }
        Matcher named = NAMED.matcher(line);
        if (named.matches()) {
            return new Named(named.group("name"), Stamp.from(named));
        }
        return new Plain(line);
    }

    /** Split {@code alice: restarted the pods} into author and text; without an author the author is empty. */
    static Said said(String rest) {
        Matcher authored = AUTHORED.matcher(rest);
        if (!authored.matches()) {
            return new Said("", rest);
        }
        String text = authored.group("text");
        return new Said(authored.group("author"), text == null ? "" : text.strip());
    }

    // Copying from Slack or a browser brings a byte-order mark and no-break spaces (U+00A0, U+202F before "PM").
    private static String tidy(String raw) {
        return raw.replace("\uFEFF", "")
                .replace('\u00A0', ' ')
                .replace('\u202F', ' ')
                .strip();
    }

    /** Who said something and what. */
    record Said(String author, String text) {}

    /** The parts of a written date and time, as written; {@link ChatClock} decides whether they exist. */
    record Stamp(
            String time,
            String hour,
            String minute,
            @Nullable String second,
            @Nullable String meridiem,
            @Nullable String date,
            @Nullable String offset) {

        static Stamp from(Matcher m) {
            return new Stamp(
                    m.group("time"),
                    m.group("hour"),
                    m.group("minute"),
                    m.group("second"),
                    m.group("meridiem"),
                    null,
                    null);
        }

        Stamp on(@Nullable String date, @Nullable String offset) {
            return new Stamp(time, hour, minute, second, meridiem, date, offset);
        }
    }
}
