package org.kintsugi.action;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A done action item was verified: it worked, or it did not.
 *
 * @param incidentId the incident whose postmortem holds the item
 * @param status {@link ActionStatus#VERIFIED} or {@link ActionStatus#NOT_EFFECTIVE}
 * @param effective whether the item was shown to work
 * @param evidence what shows whether it worked
 */
public record ActionItemVerified(
        long actionItemId,
        long postmortemId,
        long incidentId,
        String title,
        long ownerId,
        String ownerName,
        LocalDate dueDate,
        ActionStatus status,
        boolean effective,
        String evidence,
        Instant verifiedAt) {}
