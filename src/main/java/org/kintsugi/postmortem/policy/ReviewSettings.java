package org.kintsugi.postmortem.policy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The organisation's review rules: how many approvals publishing needs and whose calendar counts working days. */
@Entity
@Table(name = "postmortem_settings")
class ReviewSettings {

    static final int ID = 1;

    @Id
    private int id = ID;

    private int approvalsRequired = 1;
    private String workingZone = "UTC";

    protected ReviewSettings() {}

    int approvalsRequired() {
        return approvalsRequired;
    }

    String workingZone() {
        return workingZone;
    }

    void change(int approvalsRequired, String workingZone) {
        this.approvalsRequired = approvalsRequired;
        this.workingZone = workingZone;
    }
}
