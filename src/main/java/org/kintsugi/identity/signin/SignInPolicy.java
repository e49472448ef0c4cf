package org.kintsugi.identity.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins lock an account or a client address, for how long, and how long failures are kept.
 *
 * @param maxFailuresPerAccount failures with one email, within the window, that lock it
 * @param maxFailuresPerAddress failures from one client address, within the window, that lock it
 * @param window how far back failures count
 * @param lockDuration how long a lock lasts after the last counted failure
 * @param keep how long failures stay listed for administrators
 * @param maxKept at most this many failures are kept, newest first
 */
@ConfigurationProperties("kintsugi.sign-in")
public record SignInPolicy(
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("30d") Duration keep,
        @DefaultValue("100000") int maxKept) {}
