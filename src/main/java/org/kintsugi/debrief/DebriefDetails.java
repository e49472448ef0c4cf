package org.kintsugi.debrief;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Zones;

/**
 * When and where a debrief meets, as its owner sets it: a date and time on the clock of {@code zone}, which makes
 * {@code startsAt} in UTC; minutes; a meeting link; who facilitates.
 */
public record DebriefDetails(
        String title,
        LocalDate date,
        LocalTime time,
        ZoneId zone,
        int durationMinutes,
        String meetingLink,
        long facilitatorId) {

    public static final int TITLE_LENGTH = 200;
    public static final int LINK_LENGTH = 2000;
    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 480;

    /**
     * Return the moment the debrief starts. A time the clocks skip in a change to summer time moves forward by the
     * gap; in the repeated hour of the change back, the earlier one is meant.
     */
    public Instant startsAt() {
        return LocalDateTime.of(date, time).atZone(zone).toInstant();
    }

    /**
     * Read details as people type them, naming every field that is wrong: {@code title}, {@code date}
     * ({@code YYYY-MM-DD}), {@code time} ({@code HH:MM}), {@code zone} (an IANA zone such as {@code Europe/Berlin}),
     * {@code durationMinutes} (5–480), {@code meetingLink} (http or https), {@code facilitatorId}.
     */
    public static DebriefDetails parse(
            @Nullable String title,
            @Nullable String date,
            @Nullable String time,
            @Nullable String zone,
            @Nullable String durationMinutes,
            @Nullable String meetingLink,
            @Nullable Long facilitatorId) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty()) {
            problems.add(new FieldProblem("title", "is required: what the debrief is about"));
        } else if (cleanTitle.length() > TITLE_LENGTH) {
            problems.add(new FieldProblem("title", "is longer than " + TITLE_LENGTH + " characters"));
        }
        LocalDate day = null;
        try {
            day = LocalDate.parse(required(date));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            problems.add(new FieldProblem("date", "must be a day written YYYY-MM-DD, such as 2027-01-12"));
        }
        LocalTime clock = null;
        try {
            clock = LocalTime.parse(required(time));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            problems.add(new FieldProblem("time", "must be a time written HH:MM on a 24-hour clock, such as 09:30"));
        }
        ZoneId where = null;
        try {
            where = ZoneId.of(required(zone));
            if (!Zones.known(where.getId())) {
                throw new DateTimeException("not a zone people choose from");
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            problems.add(new FieldProblem("zone", "must be a time zone such as Europe/Berlin or UTC"));
        }
        int minutes = 0;
        try {
            minutes = Integer.parseInt(required(durationMinutes));
            if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
                problems.add(new FieldProblem(
                        "durationMinutes", "must be between " + MIN_MINUTES + " and " + MAX_MINUTES + " minutes"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("durationMinutes", "must be a whole number of minutes, such as 60"));
        }
        String link = meetingLink == null ? "" : meetingLink.strip();
        String linkProblem = linkProblem(link);
        if (linkProblem != null) {
            problems.add(new FieldProblem("meetingLink", linkProblem));
        }
        if (facilitatorId == null) {
            problems.add(new FieldProblem("facilitatorId", "is required: choose who facilitates"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new DebriefDetails(cleanTitle, day, clock, where, minutes, link, facilitatorId);
    }

    private static String required(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing");
        }
        return value.strip();
    }

    private static @Nullable String linkProblem(String link) {
        if (link.isEmpty()) {
            return "is required: the address people join the meeting at";
        }
        if (link.length() > LINK_LENGTH) {
            return "is longer than " + LINK_LENGTH + " characters";
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "must start with https:// or http://";
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return "must name a host, such as https://meet.example.org/debrief";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a web address: " + e.getReason();
        }
    }
}
