package org.kintsugi.incident.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.IncidentFilter;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentSort;
import org.kintsugi.incident.IncidentStatus;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.incident.Severity;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.Parsing;
import org.springframework.data.domain.Page;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The list filters as they appear in the URL, so a view can be shared: {@code ?status=open&severity=SEV1&q=dns}.
 * Dates ({@code 2026-11-01}) are days in the reader's zone; date-times need an offset.
 */
public record IncidentQuery(
        @Nullable List<String> status,
        @Nullable List<String> severity,
        @Nullable List<String> kind,
        @Nullable String service,
        @Nullable String team,
        @Nullable String from,
        @Nullable String to,
        @Nullable String q,
        @Nullable String sort,
        @Nullable Integer page,
        @Nullable Integer size,
        @Nullable String after) {

    static final int DEFAULT_SIZE = 25;

    IncidentFilter filter(ZoneId zone) {
        List<FieldProblem> problems = new ArrayList<>();
        var filter = new IncidentFilter(
                values("status", status, IncidentStatus.class, problems),
                values("severity", severity, Severity.class, problems),
                values("kind", kind, IncidentKind.class, problems),
                blankToNull(service),
                blankToNull(team),
                moment("from", from, zone, false, problems),
                moment("to", to, zone, true, problems),
                blankToNull(q),
                IncidentSort.of(sort == null ? "" : sort),
                page == null ? 0 : page,
                size == null ? DEFAULT_SIZE : size,
                blankToNull(after));
        Parsing.check(problems);
        return filter;
    }

    public boolean has(String param, String value) {
        List<String> values = switch (param) {
            case "status" -> status;
            case "severity" -> severity;
            case "kind" -> kind;
            default -> null;
        };
        return values != null && values.stream().anyMatch(v -> v.equalsIgnoreCase(value));
    }

    public boolean filtered() {
        return !(empty(status)
                && empty(severity)
                && empty(kind)
                && blankToNull(service) == null
                && blankToNull(team) == null
                && blankToNull(from) == null
                && blankToNull(to) == null
                && blankToNull(q) == null);
    }

    /** Return this query's URL for another page, keeping every filter. */
    public String url(String path, int toPage) {
        var uri = UriComponentsBuilder.fromPath(path);
        add(uri, "status", status);
        add(uri, "severity", severity);
        add(uri, "kind", kind);
        add(uri, "service", service);
        add(uri, "team", team);
        add(uri, "from", from);
        add(uri, "to", to);
        add(uri, "q", q);
        add(uri, "sort", sort);
        if (size != null && size != DEFAULT_SIZE) {
            uri.queryParam("size", size);
        }
        if (toPage > 0) {
            uri.queryParam("page", toPage);
        }
        return uri.encode().build().toUriString();
    }

    /**
     * Return this query's URL for the page after the given one: its number for people and links, and a cursor after
     * its last incident so the newest-first list does not count its way past every page before.
     */
    public String next(String path, Page<IncidentView> current) {
        String url = url(path, current.getNumber() + 1);
        IncidentSort order = IncidentSort.of(sort == null ? "" : sort);
        String cursor =
                current.hasContent() ? order.cursorAfter(current.getContent().getLast()) : null;
        return cursor == null
                ? url
                : UriComponentsBuilder.fromUriString(url)
                        .queryParam("after", cursor)
                        .build()
                        .toUriString();
    }

    private static void add(UriComponentsBuilder uri, String name, @Nullable Object value) {
        if (value instanceof List<?> list) {
            list.stream().filter(v -> !v.toString().isBlank()).forEach(v -> uri.queryParam(name, v));
        } else if (value != null && !value.toString().isBlank()) {
            uri.queryParam(name, value);
        }
    }

    private static boolean empty(@Nullable List<String> values) {
        return values == null || values.stream().allMatch(String::isBlank);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> Set<E> values(
            String field, @Nullable List<String> texts, Class<E> type, List<FieldProblem> problems) {
        Set<E> set = EnumSet.noneOf(type);
        if (texts == null) {
            return set;
        }
        for (String text : texts) {
            for (String part : text.split(",")) {
                E value = Parsing.enumValue(field, part, type, problems);
                if (value != null) {
                    set.add(value);
                }
            }
        }
        return set;
    }

    private static java.time.@Nullable Instant moment(
            String field, @Nullable String text, ZoneId zone, boolean endOfDay, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.strip().length() == 10) {
                LocalDate day = LocalDate.parse(text.strip());
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeException e) {
            problems.add(
                    new FieldProblem(field, "'" + text + "' is not a date (2026-11-01) or a date-time with offset"));
            return null;
        }
    }
}
