package org.kintsugi.incident;

import java.util.Arrays;
import java.util.Locale;
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

    /** Read a sort from its code; unknown codes fall back to newest first. */
    public static IncidentSort of(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code().equalsIgnoreCase(code.strip()))
                .findFirst()
                .orElse(NEWEST);
    }
}
