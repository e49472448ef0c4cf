package org.kintsugi.sharing;

import java.time.Instant;
import java.util.List;

/**
 * A chat channel as administrators see it. The webhook's address is a secret, so only its start is shown.
 *
 * @param address the scheme and host of the webhook, e.g. {@code https://hooks.slack.com/…}
 * @param failing how many of its deliveries failed their last try and wait for the next
 */
public record ChannelView(
        long id,
        String name,
        ChannelFormat format,
        String address,
        Scope scope,
        List<String> items,
        long failing,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
