package org.kintsugi.action.tracker;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A tracker's settings as an administrator sees them: the token and the webhook secret only as set or not.
 *
 * @param usable whether action items can be sent to it now
 */
public record TrackerSettingsView(
        TrackerKind tracker,
        boolean enabled,
        String baseUrl,
        String account,
        String target,
        String issueType,
        boolean tokenSet,
        boolean webhookSecretSet,
        boolean usable,
        @Nullable Instant updatedAt,
        String updatedBy) {}
