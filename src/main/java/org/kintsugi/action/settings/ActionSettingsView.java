package org.kintsugi.action.settings;

/**
 * The follow-through rules as administrators set them.
 *
 * @param soakHours how long a proposal waits before anyone may commit it
 * @param commitThreshold how many committed items on one postmortem make the owner choose which matter most
 * @param verifyAfterDays how long after done an item is due for verification
 * @param remindDaysBefore how many days before the due date the owner is reminded
 * @param escalateAfterDays how many days overdue an item must be before the postmortem's owner hears of it too
 */
public record ActionSettingsView(
        int soakHours, int commitThreshold, int verifyAfterDays, int remindDaysBefore, int escalateAfterDays) {}
