package org.kintsugi.action.web;

import org.jspecify.annotations.Nullable;
import org.kintsugi.action.tracker.TrackerKind;
import org.kintsugi.shared.InvalidInputException;

/** Small helpers the tracker pages and API share. */
final class TrackerForms {

    private TrackerForms() {}

    /** Read a tracker named by a client; unknown or missing is a problem with the field {@code tracker}. */
    static TrackerKind kind(@Nullable String tracker) {
        return TrackerKind.fromCode(tracker)
                .orElseThrow(() -> new InvalidInputException(
                        "tracker",
                        tracker == null || tracker.isBlank()
                                ? "is required: github, gitlab or jira"
                                : "'" + tracker + "' is not github, gitlab or jira"));
    }

    /** Return the address a tracker's webhook posts to. */
    static String webhookUrl(String baseUrl, TrackerKind kind) {
        return baseUrl.replaceAll("/+$", "") + "/api/v1/trackers/" + kind.code() + "/webhook";
    }
}
