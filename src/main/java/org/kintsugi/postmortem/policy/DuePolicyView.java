package org.kintsugi.postmortem.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.kintsugi.incident.Severity;

/** The due-date rule for one severity, e.g. SEV3: 5 working days after resolution. */
public record DuePolicyView(Severity severity, DueRule rule, int amount) {

    /** Return when a postmortem for an incident resolved at this moment is due, if one is required. */
    public Optional<Instant> due(Instant resolvedAt, ZoneId workingZone) {
        return rule.due(resolvedAt, amount, workingZone);
    }

    /** Return the rule in words, e.g. {@code 24 hours after resolution}. */
    public String describe() {
        return rule == DueRule.NOT_REQUIRED ? "Not required" : amount + " " + rule.label();
    }
}
