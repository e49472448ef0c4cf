package org.kintsugi.identity;

import java.io.Serial;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person as the web layer sees them: who, their role and the time zone they read and write in. */
public final class KintsugiPrincipal implements UserDetails, CredentialsContainer {

    // Serialized into the session, which lives in the database and is read by every node.
    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String email;
    private final String displayName;
    private final Role role;
    private final ZoneId zone;
    private final boolean active;
    private @Nullable String passwordHash;

    /** Return the principal of a person who signs in without a password, e.g. with an API token. */
    public static KintsugiPrincipal of(UserView user) {
        return new KintsugiPrincipal(user, null);
    }

    KintsugiPrincipal(UserView user, @Nullable String passwordHash) {
        this.id = user.id();
        this.email = user.email();
        this.displayName = user.displayName();
        this.role = user.role();
        this.zone = user.zone();
        this.active = user.active();
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Return whether this person may change things (members and administrators). */
    public boolean canWrite() {
        return role != Role.VIEWER;
    }

    /** Return whether this person manages people and settings. */
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KintsugiPrincipal p && p.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return email;
    }
}
