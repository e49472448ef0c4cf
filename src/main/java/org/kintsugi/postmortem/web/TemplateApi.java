package org.kintsugi.postmortem.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.template.SectionDefinition;
import org.kintsugi.postmortem.template.TemplateCatalogue;
import org.kintsugi.postmortem.template.TemplateDraft;
import org.kintsugi.postmortem.template.TemplateRuleView;
import org.kintsugi.postmortem.template.TemplateView;
import org.kintsugi.shared.ETags;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Parsing;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The template API: everyone reads templates; admins create, change, reorder and retire them and set the rules. */
@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Postmortem templates")
class TemplateApi {

    private final TemplateCatalogue templates;

    TemplateApi(TemplateCatalogue templates) {
        this.templates = templates;
    }

    /** A template as a client sends it. */
    record TemplateRequest(
            @Nullable String name,
            @Nullable String description,
            @Nullable List<SectionRequest> sections) {

        TemplateDraft draft() {
            List<SectionDefinition> defined = sections == null
                    ? List.of()
                    : sections.stream().map(SectionRequest::definition).toList();
            return new TemplateDraft(name == null ? "" : name, description == null ? "" : description, defined);
        }
    }

    /** A template section as a client sends it; the key is made from the heading when left out. */
    record SectionRequest(
            @Nullable String key,
            @Nullable String heading,
            @Nullable String guidance,
            @Nullable Boolean required) {

        SectionDefinition definition() {
            return new SectionDefinition(
                    key == null ? "" : key,
                    heading == null ? "" : heading,
                    guidance == null ? "" : guidance,
                    Boolean.TRUE.equals(required));
        }
    }

    /** A rule as a client sends it: kind and severity may be left out to match any. */
    record RuleRequest(
            @Nullable String kind,
            @Nullable String severity,
            @Nullable Long templateId) {}

    @Operation(summary = "List templates, retired ones included, in the order they are offered")
    @GetMapping
    List<TemplateView> list() {
        return templates.all();
    }

    @Operation(summary = "Read one template")
    @GetMapping("/{id}")
    ResponseEntity<TemplateView> get(@PathVariable long id) {
        return tagged(templates.find(id));
    }

    @Operation(summary = "Create a template (admins)")
    @PostMapping
    ResponseEntity<TemplateView> create(@RequestBody TemplateRequest request) {
        TemplateView created = templates.create(request.draft());
        return ResponseEntity.created(URI.create("/api/v1/templates/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(created);
    }

    @Operation(summary = "Change a template (admins)", description = "If-Match with the template's ETag.")
    @PutMapping("/{id}")
    ResponseEntity<TemplateView> revise(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody TemplateRequest request) {
        long expected = ETags.version(ifMatch).orElse(templates.find(id).version());
        return tagged(templates.revise(id, expected, request.draft()));
    }

    @Operation(summary = "Retire a template (admins)")
    @PostMapping("/{id}/retire")
    ResponseEntity<TemplateView> retire(@PathVariable long id) {
        return tagged(templates.retire(id, true));
    }

    @Operation(summary = "Bring a retired template back (admins)")
    @PostMapping("/{id}/restore")
    ResponseEntity<TemplateView> restore(@PathVariable long id) {
        return tagged(templates.retire(id, false));
    }

    @Operation(summary = "Move a template up (by=-1) or down (by=1) in the list (admins)")
    @PostMapping("/{id}/move")
    List<TemplateView> move(@PathVariable long id, @RequestParam int by) {
        return templates.move(id, by);
    }

    @Operation(summary = "List the rules that pick the default template; the first match wins")
    @GetMapping("/rules")
    List<TemplateRuleView> rules() {
        return templates.rules();
    }

    @Operation(summary = "Replace the rules that pick the default template (admins)")
    @PutMapping("/rules")
    List<TemplateRuleView> replaceRules(@RequestBody List<RuleRequest> request) {
        List<FieldProblem> problems = new ArrayList<>();
        List<TemplateRuleView> rules = new ArrayList<>();
        for (int i = 0; i < request.size(); i++) {
            RuleRequest rule = request.get(i);
            String at = "rules[" + i + "].";
            IncidentKind kind = Parsing.enumValue(at + "kind", rule.kind(), IncidentKind.class, problems);
            Severity severity = Parsing.enumValue(at + "severity", rule.severity(), Severity.class, problems);
            if (rule.templateId() == null) {
                problems.add(new FieldProblem(at + "templateId", "is required"));
            } else {
                rules.add(new TemplateRuleView(kind, severity, rule.templateId()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return templates.replaceRules(rules);
    }

    private static ResponseEntity<TemplateView> tagged(TemplateView template) {
        return ResponseEntity.ok().eTag(ETags.of(template.version())).body(template);
    }
}
