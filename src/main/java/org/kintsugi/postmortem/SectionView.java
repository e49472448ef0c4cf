package org.kintsugi.postmortem;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A section as readers and writers see it; {@code version} is what a save must name in {@code If-Match}. */
public record SectionView(
        String key,
        String heading,
        String guidance,
        boolean required,
        String body,
        long version,
        @Nullable String updatedBy,
        @Nullable Instant updatedAt) {

    public boolean empty() {
        return body.isBlank();
    }
}
