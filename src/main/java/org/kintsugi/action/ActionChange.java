package org.kintsugi.action;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of an action item's history: what changed, who changed it, when. */
@Entity
@Table(name = "action_changes")
class ActionChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long actionId;
    private Instant at = Instant.EPOCH;
    private String actor = "";
    private String what = "";
    private String detail = "";

    protected ActionChange() {}

    ActionChange(long actionId, Instant at, String actor, ActionItem.Change change) {
        this.actionId = actionId;
        this.at = at;
        this.actor = actor;
        this.what = change.what();
        this.detail = change.detail();
    }

    HistoryEntry view() {
        return new HistoryEntry(at, actor, what, detail);
    }
}
