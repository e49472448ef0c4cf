package org.kintsugi.identity;

import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A token as its owner sees it in a list: never the secret itself. */
public record TokenView(
        long id,
        String name,
        String prefix,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt)
        implements Serializable {

    public boolean active() {
        return revokedAt == null;
    }
}
