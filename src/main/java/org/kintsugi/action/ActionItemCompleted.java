package org.kintsugi.action;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action item was marked done; whether it worked is verified later.
 *
 * @param incidentId the incident whose postmortem holds the item
 * @param status the item's status after the change
 * @param verifyBy the day by which someone should check that it worked
 */
public record ActionItemCompleted(
        long actionItemId,
        long postmortemId,
        long incidentId,
        String title,
        long ownerId,
        String ownerName,
        LocalDate dueDate,
        ActionStatus status,
        Instant doneAt,
        LocalDate verifyBy) {}
