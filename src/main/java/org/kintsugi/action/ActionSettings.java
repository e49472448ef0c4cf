package org.kintsugi.action;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;

/** The organisation's follow-through rules: soak time, how many committed items are many, when to verify. */
@Entity
@Table(name = "action_settings")
class ActionSettings {

    @Id
    private int id = 1;

    private int soakHours = 48;
    private int commitThreshold = 7;
    private int verifyAfterDays = 30;

    protected ActionSettings() {}

    Duration soak() {
        return Duration.ofHours(soakHours);
    }

    int commitThreshold() {
        return commitThreshold;
    }

    int verifyAfterDays() {
        return verifyAfterDays;
    }
}
