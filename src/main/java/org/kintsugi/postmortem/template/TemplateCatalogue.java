package org.kintsugi.postmortem.template;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.Severity;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keep the postmortem templates: create, change, reorder and retire them, and pick the default for an incident.
 *
 * <p>A postmortem copies its template's sections when it starts, so changing a template never changes a postmortem
 * already begun.
 */
@Service
@Transactional
public class TemplateCatalogue {

    private final Templates templates;
    private final TemplateRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TemplateCatalogue(Templates templates, TemplateRules rules, ApplicationEventPublisher events, Clock clock) {
        this.templates = templates;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    /** Return every template, retired ones included, in the order they are offered. */
    @Transactional(readOnly = true)
    public List<TemplateView> all() {
        return templates.findAllByOrderByPositionAscIdAsc().stream()
                .map(Template::view)
                .toList();
    }

    /** Return the templates an author may start from. */
    @Transactional(readOnly = true)
    public List<TemplateView> active() {
        return all().stream().filter(t -> !t.retired()).toList();
    }

    /** Return one template. */
    @Transactional(readOnly = true)
    public TemplateView find(long id) {
        return load(id).view();
    }

    /** Create a template at the end of the list. */
    public TemplateView create(TemplateDraft draft) {
        changing();
        int position =
                templates.findAll().stream().mapToInt(Template::position).max().orElse(0) + 1;
        return templates
                .saveAndFlush(new Template(draft.checked(), position, null, clock.instant()))
                .view();
    }

    /** Change a template, refusing when someone else changed it since {@code expectedVersion}. */
    public TemplateView revise(long id, long expectedVersion, TemplateDraft draft) {
        changing();
        Template template = load(id);
        if (template.version() != expectedVersion) {
            throw new StaleVersionException("The template", expectedVersion, template.version());
        }
        template.revise(draft.checked(), clock.instant());
        return templates.saveAndFlush(template).view();
    }

    /** Retire a template (authors no longer see it) or bring it back. */
    public TemplateView retire(long id, boolean retired) {
        changing();
        Template template = load(id);
        template.retire(retired, clock.instant());
        return templates.saveAndFlush(template).view();
    }

    /** Move a template one place up ({@code -1}) or down ({@code +1}) in the list. */
    public List<TemplateView> move(long id, int by) {
        changing();
        List<Template> ordered = new ArrayList<>(templates.findAllByOrderByPositionAscIdAsc());
        int from = ordered.indexOf(load(id));
        int to = Math.max(0, Math.min(ordered.size() - 1, from + Integer.signum(by)));
        ordered.add(to, ordered.remove(from));
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).moveTo(i + 1);
        }
        templates.flush();
        return all();
    }

    /** Return the rules that pick the default template, first match wins. */
    @Transactional(readOnly = true)
    public List<TemplateRuleView> rules() {
        return rules.findAllByOrderByPositionAsc().stream()
                .map(TemplateRule::view)
                .toList();
    }

    /** Replace the rules that pick the default template. */
    public List<TemplateRuleView> replaceRules(List<TemplateRuleView> wanted) {
        changing();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (!templates.existsById(wanted.get(i).templateId())) {
                problems.add(new FieldProblem("rules[" + i + "].templateId", "is not a template"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        rules.deleteAllInBatch();
        for (int i = 0; i < wanted.size(); i++) {
            TemplateRuleView rule = wanted.get(i);
            rules.save(new TemplateRule(i + 1, rule.kind(), rule.severity(), rule.templateId()));
        }
        rules.flush();
        return rules();
    }

    /** Return the template the rules choose for an incident; the first active template when no rule matches. */
    @Transactional(readOnly = true)
    public TemplateView chooseFor(IncidentKind kind, Severity severity) {
        return rules.findAllByOrderByPositionAsc().stream()
                .filter(rule -> rule.matches(kind, severity))
                .map(rule -> templates.findById(rule.templateId()).orElse(null))
                .filter(t -> t != null && !t.retired())
                .findFirst()
                .map(Template::view)
                .orElseGet(() -> active().stream()
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("There is no active postmortem template.")));
    }

    Template load(long id) {
        return templates.findById(id).orElseThrow(() -> new NotFoundException("There is no template " + id + "."));
    }

    /** Add the built-in templates and rules that are not there yet; run at start-up. */
    void addBuiltIns() {
        changing();
        int position = templates.findAll().size();
        for (var builtIn : BuiltInTemplates.all().entrySet()) {
            if (templates.findByBuiltin(builtIn.getKey()).isEmpty()) {
                templates.save(new Template(builtIn.getValue(), ++position, builtIn.getKey(), clock.instant()));
            }
        }
        if (rules.count() == 0) {
            defaultRules();
        }
    }

    /** Say that the templates or their rules change, so what is kept of them is read again. */
    private void changing() {
        events.publishEvent(new TemplatesChanged());
    }

    private void defaultRules() {
        long management = templates
                .findByBuiltin(BuiltInTemplates.MANAGEMENT)
                .orElseThrow()
                .id();
        long sre = templates.findByBuiltin(BuiltInTemplates.SRE).orElseThrow().id();
        long blameless = templates
                .findByBuiltin(BuiltInTemplates.BLAMELESS)
                .orElseThrow()
                .id();
        int position = 0;
        rules.save(new TemplateRule(++position, IncidentKind.PEOPLE, null, management));
        rules.save(new TemplateRule(++position, IncidentKind.PROCESS, null, management));
        rules.save(new TemplateRule(++position, null, Severity.SEV1, sre));
        rules.save(new TemplateRule(++position, null, Severity.SEV2, sre));
        rules.save(new TemplateRule(++position, null, null, blameless));
    }
}
