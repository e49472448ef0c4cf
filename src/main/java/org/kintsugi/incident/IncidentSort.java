package org.kintsugi.incident;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;

/** The orders an incident list can be read in. */
public enum IncidentSort {
    NEWEST("Newest first", Sort.by(Sort.Order.desc("startedAt"), Sort.Order.desc("id"))),
    OLDEST("Oldest first", Sort.by(Sort.Order.asc("startedAt"), Sort.Order.asc("id"))),
    SEVERITY("Most severe first", Sort.by(Sort.Order.asc("severity"), Sort.Order.desc("startedAt"))),
    UPDATED("Recently updated", Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))),
    TITLE("Title A–Z", Sort.by(Sort.Order.asc("title"), Sort.Order.desc("id")));

    private final String label;
    private final Sort sort;

    IncidentSort(String label, Sort sort) {
        this.label = label;
        this.sort = sort;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    Sort sort() {
        return sort;
    }

    /**
     * Return the cursor that starts the next page right after this incident, or null for the orders that page by
     * number only. The cursor is opaque to readers: its start moment and id.
     */
    public @Nullable String cursorAfter(IncidentView last) {
        if (this != NEWEST) {
            return null;
        }
        Instant at = last.lifecycle().startedAt();
        return at.getEpochSecond() + "." + at.getNano() + "." + last.id();
    }

    /** The start moment and id a cursor names, or null when it names none. */
    record Cursor(Instant at, long id) {

        static @Nullable Cursor of(@Nullable String text) {
            if (text == null) {
                return null;
            }
            String[] parts = text.split("\\.");
            try {
                return parts.length != 3
                        ? null
                        : new Cursor(
                                Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                                Long.parseLong(parts[2]));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return null;
            }
        }
    }

    /** Read a sort from its code; unknown codes fall back to newest first. */
    public static IncidentSort of(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code().equalsIgnoreCase(code.strip()))
                .findFirst()
                .orElse(NEWEST);
    }
}
