package org.kintsugi.identity.signin;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Check a password (form or HTTP Basic) only while neither the email nor the client address is locked, and count each
 * wrong one: every attempt counts as failed until its password proves right, so attempts sent at once cannot all slip
 * in under the limit. An unknown email is counted and locked exactly like a known one, and its password is still hashed (the
 * wrapped provider's timing protection), so neither the answer nor its timing tells whether the account exists.
 */
class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = attempt.getName();
        String address =
                attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                        ? details.getRemoteAddress()
                        : "unknown";
        long counted = throttle.attempt(email, address);
        var lock = throttle.lockOn(counted, email, address);
        if (lock.isPresent()) {
            throw lock.get();
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (AccountStatusException e) {
            // The password was right but the account is deactivated: not a guess, so it does not count.
            throttle.succeeded(counted, email);
            throw e;
        }
        throttle.succeeded(counted, email);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
