package org.kintsugi.action.tracker;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The issue trackers Kintsugi can send action items to. */
public enum TrackerKind {
    GITHUB("GitHub", "https://api.github.com"),
    GITLAB("GitLab", "https://gitlab.com"),
    JIRA("Jira", "https://your-site.atlassian.net");

    private final String label;
    private final String defaultBaseUrl;

    TrackerKind(String label, String defaultBaseUrl) {
        this.label = label;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    public String label() {
        return label;
    }

    /** Return the address an installation starts with, e.g. {@code https://api.github.com}. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** Return the lower-case name used in URLs, JSON and the database, e.g. {@code github}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Find a tracker by its code, ignoring case; empty when there is no such tracker. */
    public static Optional<TrackerKind> fromCode(@Nullable String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip();
        return Arrays.stream(values())
                .filter(k -> k.code().equalsIgnoreCase(wanted))
                .findFirst();
    }
}
