package org.kintsugi.action.settings;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;

/** The organisation's follow-through rules: soak time, how many committed items are many, when to verify and remind. */
@Entity
@Table(name = "action_settings")
public class ActionSettings {

    @Id
    private int id = 1;

    private int soakHours = 48;
    private int commitThreshold = 7;
    private int verifyAfterDays = 30;
    private int remindDaysBefore = 2;
    private int escalateAfterDays = 14;

    protected ActionSettings() {}

    public Duration soak() {
        return Duration.ofHours(soakHours);
    }

    public int commitThreshold() {
        return commitThreshold;
    }

    public int verifyAfterDays() {
        return verifyAfterDays;
    }

    int remindDaysBefore() {
        return remindDaysBefore;
    }

    int escalateAfterDays() {
        return escalateAfterDays;
    }

    void change(ActionSettingsView wanted) {
        soakHours = wanted.soakHours();
        commitThreshold = wanted.commitThreshold();
        verifyAfterDays = wanted.verifyAfterDays();
        remindDaysBefore = wanted.remindDaysBefore();
        escalateAfterDays = wanted.escalateAfterDays();
    }

    ActionSettingsView view() {
        return new ActionSettingsView(soakHours, commitThreshold, verifyAfterDays, remindDaysBefore, escalateAfterDays);
    }
}
