package org.kintsugi.incident;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of an incident's activity log: who did what, when, and for a change the old and new value. */
@Entity
@Table(name = "incident_activity")
class IncidentActivity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long incidentId;
    private Instant at = Instant.EPOCH;
    private String actor = "";
    private String action = "";
    private @Nullable String field;
    private @Nullable String oldValue;
    private @Nullable String newValue;

    protected IncidentActivity() {}

    IncidentActivity(
            long incidentId,
            Instant at,
            String actor,
            String action,
            @Nullable String field,
            @Nullable String oldValue,
            @Nullable String newValue) {
        this.incidentId = incidentId;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }
}
