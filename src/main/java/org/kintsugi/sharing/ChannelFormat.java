package org.kintsugi.sharing;

import java.util.Locale;
import org.kintsugi.shared.InvalidInputException;

/** The incoming-webhook formats Kintsugi writes; {@link WebhookPayloads} says what each one sends. */
public enum ChannelFormat {
    SLACK("Slack"),
    MATTERMOST("Mattermost"),
    TEAMS("Microsoft Teams (Workflows)");

    private final String label;

    ChannelFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Read a format as a form or client sends it, naming the field when it is none of them. */
    public static ChannelFormat parse(String value, String field) {
        try {
            return ChannelFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is \"" + value + "\": choose slack, mattermost or teams");
        }
    }
}
