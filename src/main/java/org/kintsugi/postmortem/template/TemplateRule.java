package org.kintsugi.postmortem.template;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.Severity;

/** A rule that picks the default template for incidents of a kind and severity; the first rule that matches wins. */
@Entity
@Table(name = "postmortem_template_rules")
class TemplateRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private int position;

    @Enumerated(EnumType.STRING)
    private @Nullable IncidentKind kind;

    @Enumerated(EnumType.STRING)
    private @Nullable Severity severity;

    private long templateId;

    protected TemplateRule() {}

    TemplateRule(int position, @Nullable IncidentKind kind, @Nullable Severity severity, long templateId) {
        this.position = position;
        this.kind = kind;
        this.severity = severity;
        this.templateId = templateId;
    }

    boolean matches(IncidentKind kind, Severity severity) {
        return (this.kind == null || this.kind == kind) && (this.severity == null || this.severity == severity);
    }

    long templateId() {
        return templateId;
    }

    TemplateRuleView view() {
        return new TemplateRuleView(kind, severity, templateId);
    }
}
