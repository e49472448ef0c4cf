package org.kintsugi.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Load people by email for form login and HTTP Basic. */
@Component
class PrincipalLookup implements UserDetailsService {

    private final Users users;

    PrincipalLookup(Users users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        return users.findByEmail(User.normalise(email))
                .map(user -> new KintsugiPrincipal(user.view(), user.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("No user " + email));
    }
}
