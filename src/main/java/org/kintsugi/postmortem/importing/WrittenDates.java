package org.kintsugi.postmortem.importing;

import static java.util.regex.Pattern.CASE_INSENSITIVE;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Read dates as postmortems write them: {@code 2017-09-27}, {@code Sep 27 2017}, {@code September 29, 2025},
 * {@code November 24th}, {@code 27 Sep 2017}, {@code 19. April}, {@code Friday 29 November 2019}, {@code 14/02/2023}.
 *
 * <p>Numeric dates with slashes are read only when they cannot be misread: {@code 14/02/2023} is 14 February, but
 * {@code 03/04/2023} is a problem, since it is 3 April in Europe and March 4 in the United States. Dates with dots,
 * {@code 14.02.2023}, are day first. A date shaped like one but broken, such as {@code 20202-01-16} or
 * {@code 2022-05-??}, is a problem too, rather than no date at all.
 */
final class WrittenDates {

    private static final String MONTH = "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String WEEKDAY = "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?";
    private static final String DAY = "(?<day>\\d{1,2})(?!\\d)(?:st|nd|rd|th|\\.(?=\\s))?";
    private static final String YEAR = "(?:,?\\s+(?<year>\\d{4})(?![\\d:]))?";
    private static final String DAY_RANGE = "(?:\\s*[-–]\\s*\\d{1,2}(?:st|nd|rd|th)?(?![\\d:]))?";

    private static final Pattern ISO = Pattern.compile("(?<year>\\d{4})[-/](?<month>\\d{1,2})[-/]" + DAY);
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<first>\\d{1,2})(?<separator>[/.])(?<other>\\d{1,2})\\k<separator>(?<year>\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern MONTH_FIRST =
            Pattern.compile(WEEKDAY + MONTH + "\\s+" + DAY + DAY_RANGE + YEAR, CASE_INSENSITIVE);
    private static final Pattern DAY_FIRST =
            Pattern.compile(WEEKDAY + DAY + "\\s+(?:of\\s+)?" + MONTH + "(?![a-z])" + YEAR, CASE_INSENSITIVE);
    private static final List<Pattern> DATES = List.of(ISO, NUMERIC, MONTH_FIRST, DAY_FIRST);
    private static final Pattern BROKEN = Pattern.compile("(?:\\d{5,}|[\\d?]*\\?[\\d?]*)(?:[-/][\\d?]{1,2}){1,2}"
            + "|\\d{4}(?:[-/](?:\\d{1,2}|[\\d?]*\\?[\\d?]*)){1,2}(?<=\\?)");

    /** A date read at some place in a text, or why what is written there is not one, and where it ends. */
    record Found(@Nullable DayMention day, @Nullable String problem, int end) {}

    private WrittenDates() {}

    /** Read the date written at {@code from}, if one is. */
    static Optional<Found> at(String text, int from) {
        for (Pattern pattern : DATES) {
            Matcher match = pattern.matcher(text).region(from, text.length());
            if (match.lookingAt()) {
                try {
                    return Optional.of(new Found(mention(pattern, match), null, match.end()));
                } catch (DateTimeException e) {
                    return Optional.of(new Found(null, e.getMessage(), match.end()));
                }
            }
        }
        Matcher broken = BROKEN.matcher(text).region(from, text.length());
        return broken.lookingAt()
                ? Optional.of(new Found(null, "'" + broken.group() + "' is not a date", broken.end()))
                : Optional.empty();
    }

    /** Find the first complete date, with its year, anywhere in a text such as a title or a file name. */
    static Optional<LocalDate> find(String text) {
        int earliest = Integer.MAX_VALUE;
        LocalDate found = null;
        for (Pattern pattern : DATES) {
            Matcher match = pattern.matcher(text);
            while (match.find() && match.start() < earliest) {
                Optional<LocalDate> date = complete(pattern, match);
                if (date.isPresent()) {
                    earliest = match.start();
                    found = date.get();
                }
            }
        }
        return Optional.ofNullable(found);
    }

    private static Optional<LocalDate> complete(Pattern pattern, Matcher match) {
        try {
            DayMention mention = mention(pattern, match);
            return mention.year() == null ? Optional.empty() : mention.in(null);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static DayMention mention(Pattern pattern, Matcher match) {
        String year = match.group("year");
        Year written = year == null ? null : Year.of(Integer.parseInt(year) + (year.length() == 2 ? 2000 : 0));
        MonthDay day;
        try {
            day = pattern == NUMERIC ? numericDay(match) : MonthDay.of(month(pattern, match), dayOfMonth(match));
        } catch (DateTimeException e) {
            throw new DateTimeException(
                    e instanceof Ambiguous ? e.getMessage() : "'" + match.group() + "' is not a date");
        }
        if (written != null && !day.isValidYear(written.getValue())) {
            throw new DateTimeException("'" + match.group() + "' is not a date: " + written + " is not a leap year");
        }
        return new DayMention(day, written);
    }

    private static int month(Pattern pattern, Matcher match) {
        String month = match.group("month");
        return pattern == ISO
                ? Integer.parseInt(month)
                : "janfebmaraprmayjunjulaugsepoctnovdec"
                                        .indexOf(month.substring(0, 3).toLowerCase(Locale.ROOT))
                                / 3
                        + 1;
    }

    private static int dayOfMonth(Matcher match) {
        return Integer.parseInt(match.group("day"));
    }

    private static MonthDay numericDay(Matcher match) {
        int first = Integer.parseInt(match.group("first"));
        int other = Integer.parseInt(match.group("other"));
        boolean dayFirst = match.group("separator").equals(".") || first > 12 || first == other;
        if (!dayFirst && other <= 12) {
            throw new Ambiguous("'" + match.group() + "' could be day/month or month/day: write it as "
                    + "year-month-day, like 2023-02-14");
        }
        return dayFirst ? MonthDay.of(other, first) : MonthDay.of(first, other);
    }

    private static final class Ambiguous extends DateTimeException {
        Ambiguous(String message) {
            super(message);
        }
    }
}
