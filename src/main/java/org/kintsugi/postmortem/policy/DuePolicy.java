package org.kintsugi.postmortem.policy;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.kintsugi.incident.Severity;

/** When a postmortem is due for incidents of one severity. */
@Entity
@Table(name = "postmortem_due_policies")
class DuePolicy {

    @Id
    @Enumerated(EnumType.STRING)
    private Severity severity = Severity.SEV4;

    @Enumerated(EnumType.STRING)
    private DueRule rule = DueRule.NOT_REQUIRED;

    private int amount;

    protected DuePolicy() {}

    DuePolicy(Severity severity, DueRule rule, int amount) {
        this.severity = severity;
        change(rule, amount);
    }

    void change(DueRule rule, int amount) {
        this.rule = rule;
        this.amount = amount;
    }

    DuePolicyView view() {
        return new DuePolicyView(severity, rule, amount);
    }
}
