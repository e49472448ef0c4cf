package org.kintsugi.identity.signin;

import java.time.Instant;

/**
 * A failed sign-in as administrators see it.
 *
 * @param email the email tried, whether or not someone has it
 * @param clientAddress where the attempt came from
 * @param at when
 * @param whileLocked whether it was refused unheard because a lock held
 * @param locked whether the email or the address is locked now
 */
public record FailedSignIn(String email, String clientAddress, Instant at, boolean whileLocked, boolean locked) {}
