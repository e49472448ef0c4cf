package org.kintsugi.action;

import java.time.Instant;

/** One change in an action item's history. */
public record HistoryEntry(Instant at, String actor, String what, String detail) {}
