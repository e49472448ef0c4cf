package org.kintsugi.analysis.account;

import java.time.Instant;

/** One entry of an account as readers see it. */
public record EntryView(long id, Instant at, EntryKind kind, String text) {}
