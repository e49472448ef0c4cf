package org.kintsugi.debrief;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.hibernate.annotations.DynamicUpdate;
import org.jspecify.annotations.Nullable;

/**
 * One person or address invited to a debrief, with their answer and the token of the answer link in their mail.
 * {@code mailedSequence} is what they were last sent: below the debrief's sequence, a mail is still owed. The mail
 * sender writes those columns itself, so an answer saved at the same time writes only its own ({@code DynamicUpdate}).
 */
@Entity
@DynamicUpdate
@Table(name = "debrief_invitees")
class Invitee {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int NOT_MAILED = -1;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long debriefId;
    private @Nullable Long personId;
    private String email = "";
    private String name = "";

    @Enumerated(EnumType.STRING)
    private InviteeRole role = InviteeRole.REQUIRED;

    @Enumerated(EnumType.STRING)
    private Answer answer = Answer.NONE;

    private @Nullable Instant answeredAt;
    private String answerToken = "";
    private boolean removed;
    private int mailedSequence = NOT_MAILED;
    private int mailAttempts;
    private @Nullable String mailError;

    @Version
    private long version;

    protected Invitee() {}

    Invitee(long debriefId, @Nullable Long personId, String email, String name, InviteeRole role) {
        this.debriefId = debriefId;
        this.personId = personId;
        this.email = email;
        this.name = name;
        this.role = role;
        this.answerToken = newToken();
    }

    /** Return 256 random bits, URL-safe: the link is the only key an invitee without an account has. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    void answer(Answer given, Instant at) {
        this.answer = given;
        this.answeredAt = at;
    }

    void changeRole(InviteeRole role) {
        this.role = role;
    }

    /** Take the invitee off the invitation; they are sent a cancellation. */
    void remove() {
        this.removed = true;
    }

    /** Ask them again after they were taken off. */
    void restore(InviteeRole role) {
        this.removed = false;
        this.role = role;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("The invitee is not saved yet.");
        }
        return id;
    }

    long debriefId() {
        return debriefId;
    }

    @Nullable
    Long personId() {
        return personId;
    }

    String email() {
        return email;
    }

    String name() {
        return name;
    }

    InviteeRole role() {
        return role;
    }

    Answer answer() {
        return answer;
    }

    @Nullable
    Instant answeredAt() {
        return answeredAt;
    }

    String answerToken() {
        return answerToken;
    }

    boolean removed() {
        return removed;
    }

    int mailedSequence() {
        return mailedSequence;
    }

    int mailAttempts() {
        return mailAttempts;
    }

    @Nullable
    String mailError() {
        return mailError;
    }
}
