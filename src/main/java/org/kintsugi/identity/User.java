package org.kintsugi.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A person who signs in to Kintsugi. */
@Entity
@Table(name = "users")
class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String email;
    private String displayName;
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean active;

    @Column(name = "zone_id")
    private String zone;

    private Instant createdAt;

    @Version
    private long version;

    protected User() {
        this.email = "";
        this.displayName = "";
        this.passwordHash = "";
        this.role = Role.VIEWER;
        this.zone = "UTC";
        this.createdAt = Instant.EPOCH;
    }

    User(String email, String displayName, String passwordHash, Role role, ZoneId zone, Instant createdAt) {
        this.email = normalise(email);
        this.displayName = displayName.strip();
        this.passwordHash = passwordHash;
        this.role = role;
        this.active = true;
        this.zone = zone.getId();
        this.createdAt = createdAt;
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("user not saved yet");
        }
        return id;
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    boolean active() {
        return active;
    }

    ZoneId zone() {
        return ZoneId.of(zone);
    }

    Instant createdAt() {
        return createdAt;
    }

    void changeRole(Role role) {
        this.role = role;
    }

    void deactivate() {
        this.active = false;
    }

    void activate() {
        this.active = true;
    }

    void changeZone(ZoneId zone) {
        this.zone = zone.getId();
    }

    void changeDisplayName(String displayName) {
        this.displayName = displayName.strip();
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    UserView view() {
        return new UserView(id(), email, displayName, role, active, zone(), createdAt);
    }
}
