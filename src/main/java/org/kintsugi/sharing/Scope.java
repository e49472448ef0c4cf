package org.kintsugi.sharing;

import java.util.List;
import java.util.Locale;
import org.kintsugi.shared.InvalidInputException;

/**
 * What a channel or a subscription wants: nothing, everything, or what names one of the chosen severities, teams or
 * services.
 */
public enum Scope {
    NONE("Nothing"),
    ALL("Every published postmortem"),
    SEVERITIES("By severity"),
    TEAMS("By team"),
    SERVICES("By service");

    /** At most this many values in one filter. */
    public static final int MAX_ITEMS = 50;

    /** At most this many characters in one value. */
    public static final int MAX_ITEM_LENGTH = 100;

    private final String label;

    Scope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Return whether an announcement of these severity, teams and services is wanted with these chosen values. */
    boolean matches(List<String> items, Announcement announcement) {
        return switch (this) {
            case NONE -> false;
            case ALL -> true;
            case SEVERITIES -> announcement.severity() != null && contains(items, announcement.severity());
            case TEAMS -> announcement.teams().stream().anyMatch(t -> contains(items, t));
            case SERVICES -> announcement.services().stream().anyMatch(s -> contains(items, s));
        };
    }

    private static boolean contains(List<String> items, String value) {
        return items.stream().anyMatch(i -> i.equalsIgnoreCase(value.strip()));
    }

    /** Read a scope as a form or client sends it, naming the field when it is none of them. */
    public static Scope parse(String value, String field) {
        try {
            return Scope.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    field, "is \"" + value + "\": choose one of none, all, severities, teams," + " services");
        }
    }

    /**
     * Check the chosen values for this scope: some are needed for severities, teams and services, each within the
     * limits, severities among SEV1–SEV4. Return them trimmed, without blanks and repeats.
     */
    public List<String> items(List<String> values, String field) {
        if (this == NONE || this == ALL) {
            return List.of();
        }
        List<String> items = values.stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(v -> this == SEVERITIES ? v.toUpperCase(Locale.ROOT) : v)
                .distinct()
                .toList();
        if (items.isEmpty()) {
            throw new InvalidInputException(field, "needs at least one " + noun() + " for \"" + label + "\"");
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidInputException(field, "are " + items.size() + ": at most " + MAX_ITEMS);
        }
        for (String item : items) {
            if (item.length() > MAX_ITEM_LENGTH) {
                throw new InvalidInputException(
                        field, "\"" + item.substring(0, 20) + "…\" is longer than " + MAX_ITEM_LENGTH + " characters");
            }
            if (this == SEVERITIES && !item.matches("SEV[1-4]")) {
                throw new InvalidInputException(field, "\"" + item + "\" is not a severity: SEV1, SEV2, SEV3 or SEV4");
            }
        }
        return items;
    }

    private String noun() {
        return switch (this) {
            case SEVERITIES -> "severity";
            case TEAMS -> "team";
            default -> "service";
        };
    }
}
