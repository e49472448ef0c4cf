package org.kintsugi.action;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action item was committed: someone now owns the work and its due date.
 *
 * @param incidentId the incident whose postmortem holds the item
 * @param status the item's status after the change
 */
public record ActionItemCommitted(
        long actionItemId,
        long postmortemId,
        long incidentId,
        String title,
        long ownerId,
        String ownerName,
        LocalDate dueDate,
        ActionStatus status,
        Instant committedAt) {}
