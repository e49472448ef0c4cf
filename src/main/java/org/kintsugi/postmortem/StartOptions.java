package org.kintsugi.postmortem;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kintsugi.postmortem.policy.DuePolicyView;
import org.kintsugi.postmortem.template.TemplateChoice;

/**
 * What starting a postmortem for an incident would mean: when it is due, the templates to choose from, and the one
 * the rules pick.
 */
public record StartOptions(DuePolicyView rule, ZoneId workingZone, List<TemplateChoice> templates, long chosen) {

    /** Return when the postmortem is due for an incident resolved at this moment, if one is required. */
    public Optional<Instant> due(@Nullable Instant resolvedAt) {
        return resolvedAt == null ? Optional.empty() : rule.due(resolvedAt, workingZone);
    }
}
