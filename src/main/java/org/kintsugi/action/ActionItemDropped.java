package org.kintsugi.action;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An open action item was dropped, by hand or because it was merged into another or left out when choosing which
 * items matter most.
 *
 * @param incidentId the incident whose postmortem holds the item
 * @param status the item's status after the change
 * @param reason why it was dropped, as recorded in its history
 */
public record ActionItemDropped(
        long actionItemId,
        long postmortemId,
        long incidentId,
        String title,
        long ownerId,
        String ownerName,
        LocalDate dueDate,
        ActionStatus status,
        String reason,
        Instant droppedAt) {}
