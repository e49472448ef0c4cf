package org.kintsugi.sharing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One announcement to one channel or address, as administrators follow it.
 *
 * @param to the channel's name, or the mail address
 * @param lastError why the last try failed, as the channel or mail server said it
 * @param nextAttemptAt when it is tried again, unless it was sent
 */
public record DeliveryView(
        long id,
        long announcementId,
        String title,
        String to,
        @Nullable Long channelId,
        DeliveryState state,
        int attempts,
        @Nullable String lastError,
        Instant nextAttemptAt,
        @Nullable Instant sentAt,
        Instant createdAt) {}
