package org.kintsugi.identity.signin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** How many failures count against an email or address, and the last of them. */
record FailureCount(long count, @Nullable Instant latest) {}
