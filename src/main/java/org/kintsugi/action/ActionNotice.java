package org.kintsugi.action;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Something to tell a person in their next digest that the dates alone do not tell, such as a new assignment. */
@Entity
@Table(name = "action_notices")
class ActionNotice {

    static final String ASSIGNED = "assigned";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long personId;
    private long actionId;
    private String kind = ASSIGNED;
    private Instant createdAt = Instant.EPOCH;
    private @Nullable Instant sentAt;

    protected ActionNotice() {}

    ActionNotice(long personId, long actionId, String kind, Instant createdAt) {
        this.personId = personId;
        this.actionId = actionId;
        this.kind = kind;
        this.createdAt = createdAt;
    }

    long personId() {
        return personId;
    }

    long actionId() {
        return actionId;
    }

    String kind() {
        return kind;
    }

    void sent(Instant at) {
        sentAt = at;
    }
}
