package org.kintsugi.identity.signin;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One failed sign-in: the email tried (whether or not someone has it), where from and when. */
@Entity
@Table(name = "sign_in_failures")
class SignInFailure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String email;
    private String clientAddress;
    private Instant failedAt;
    // Refused before the password was looked at, because a lock held: listed, but it does not lengthen the lock.
    private boolean whileLocked;
    private @Nullable Instant clearedAt;

    protected SignInFailure() {
        this.email = "";
        this.clientAddress = "";
        this.failedAt = Instant.EPOCH;
    }

    SignInFailure(String email, String clientAddress, Instant failedAt, boolean whileLocked) {
        this.email = email;
        this.clientAddress = clientAddress;
        this.failedAt = failedAt;
        this.whileLocked = whileLocked;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("failure not saved yet");
        }
        return id;
    }

    String email() {
        return email;
    }

    String clientAddress() {
        return clientAddress;
    }

    Instant failedAt() {
        return failedAt;
    }

    boolean whileLocked() {
        return whileLocked;
    }
}
