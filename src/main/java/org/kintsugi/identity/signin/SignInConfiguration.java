package org.kintsugi.identity.signin;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Sign-in with a password goes through the throttle; old failures are pruned every hour on one node. */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    @Bean
    AuthenticationProvider throttledSignIn(
            UserDetailsService people, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        var passwords = new DaoAuthenticationProvider(people);
        passwords.setPasswordEncoder(passwordEncoder);
        // Check the password before whether the account is deactivated, so a deactivated account answers a wrong
        // password as fast, and with the same message, as any other.
        passwords.setPreAuthenticationChecks(user -> {});
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return new ThrottledSignIn(passwords, throttle);
    }

    @Bean
    SignInPruning signInPruning(SignInThrottle throttle) {
        return new SignInPruning(throttle);
    }

    static class SignInPruning {

        private final SignInThrottle throttle;

        SignInPruning(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        @Scheduled(cron = "${kintsugi.sign-in.prune-cron:0 17 * * * *}")
        @SchedulerLock(name = "sign-in-prune", lockAtMostFor = "PT10M")
        void prune() {
            throttle.prune();
        }
    }
}
