package org.kintsugi.identity;

import java.time.Instant;
import java.time.ZoneId;

/** What other modules and the web layer may know of a user. */
public record UserView(
        long id, String email, String displayName, Role role, boolean active, ZoneId zone, Instant createdAt) {}
