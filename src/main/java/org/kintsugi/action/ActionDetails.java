package org.kintsugi.action;

import java.time.LocalDate;

/** What a person writes about an action item; checked field by field before it is saved. */
public record ActionDetails(
        String title, String description, LocalDate dueDate, Priority priority, ActionType type, String verification) {}
