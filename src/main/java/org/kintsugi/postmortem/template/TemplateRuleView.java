package org.kintsugi.postmortem.template;

import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.Severity;

/**
 * A rule choosing the default template: incidents of this kind and severity start from this template.
 *
 * @param kind the incident kind it applies to, or {@code null} for any kind
 * @param severity the severity it applies to, or {@code null} for any severity
 */
public record TemplateRuleView(
        @Nullable IncidentKind kind, @Nullable Severity severity, long templateId) {}
