package org.kintsugi.sharing;

import java.time.Instant;
import java.util.List;

/**
 * What a person asked to be mailed, and the token of their own Atom feed.
 *
 * @param feedToken the token in their feed's address, enough on its own to read the feed
 */
public record SubscriptionView(
        long personId, Scope scope, List<String> items, String feedToken, Instant updatedAt, long version) {}
