package org.kintsugi.action;

import java.time.LocalDate;

/**
 * An open action item passed its due date; published once per item, by the job that first notices it.
 *
 * @param incidentId the incident whose postmortem holds the item
 * @param status the item's status when it was noticed
 * @param noticedOn the day (UTC) the item was first seen overdue
 */
public record ActionItemOverdue(
        long actionItemId,
        long postmortemId,
        long incidentId,
        String title,
        long ownerId,
        String ownerName,
        LocalDate dueDate,
        ActionStatus status,
        LocalDate noticedOn) {}
