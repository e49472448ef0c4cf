/** Throttle guessing of passwords: failed sign-ins counted in the database, temporary locks, and their pruning. */
@NullMarked
package org.kintsugi.identity.signin;

import org.jspecify.annotations.NullMarked;
