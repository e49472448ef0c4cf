package org.kintsugi.postmortem.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.template.TemplateCatalogue;
import org.kintsugi.postmortem.template.TemplateRuleView;
import org.kintsugi.postmortem.template.TemplateView;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep the templates: create, edit, reorder, retire, and the rules that pick the default. */
@Controller
@RequestMapping("/admin/templates")
class TemplateAdminController {

    private final TemplateCatalogue templates;

    TemplateAdminController(TemplateCatalogue templates) {
        this.templates = templates;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        model.addAttribute("rules", templates.rules());
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("severities", Severity.values());
        return "postmortem/admin/templates";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", TemplateForm.blank());
        return "postmortem/admin/template-form";
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Model model) {
        TemplateView template = templates.find(id);
        model.addAttribute("template", template);
        model.addAttribute("form", TemplateForm.of(template));
        return "postmortem/admin/template-form";
    }

    @PostMapping
    String create(
            @ModelAttribute("form") TemplateForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            TemplateView created = templates.create(form.draft());
            redirect.addFlashAttribute("notice", "Created " + created.name() + ".");
            return "redirect:/admin/templates";
        } catch (InvalidInputException e) {
            return again(form, null, e, model, response);
        }
    }

    @PostMapping("/{id}")
    String save(
            @PathVariable long id,
            @ModelAttribute("form") TemplateForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        TemplateView current = templates.find(id);
        try {
            long version = form.getVersion() == null ? current.version() : form.getVersion();
            TemplateView saved = templates.revise(id, version, form.draft());
            redirect.addFlashAttribute(
                    "notice",
                    "Saved " + saved.name() + ". Postmortems already started keep"
                            + " the sections they started with.");
            return "redirect:/admin/templates";
        } catch (InvalidInputException e) {
            return again(form, current, e, model, response);
        } catch (StaleVersionException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("template", current);
            model.addAttribute(
                    "problem",
                    "Someone else saved this template meanwhile. Their version is below"
                            + " the form as 'saved'; your text is still in the form. Saving again keeps yours.");
            model.addAttribute("theirs", current);
            form.setVersion(current.version());
            return "postmortem/admin/template-form";
        }
    }

    private String again(
            TemplateForm form,
            @Nullable TemplateView template,
            InvalidInputException e,
            Model model,
            HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("template", template);
        model.addAttribute("errors", e.byField());
        return "postmortem/admin/template-form";
    }

    @PostMapping("/{id}/retire")
    String retire(@PathVariable long id, @RequestParam boolean retired, RedirectAttributes redirect) {
        TemplateView template = templates.retire(id, retired);
        redirect.addFlashAttribute("notice", (retired ? "Retired " : "Restored ") + template.name() + ".");
        return "redirect:/admin/templates";
    }

    @PostMapping("/{id}/move")
    String move(@PathVariable long id, @RequestParam int by) {
        templates.move(id, by);
        return "redirect:/admin/templates#template-" + id;
    }

    @PostMapping("/rules")
    String rules(
            @RequestParam(name = "kind", required = false) @Nullable List<String> kinds,
            @RequestParam(name = "severity", required = false) @Nullable List<String> severities,
            @RequestParam(name = "templateId", required = false) @Nullable List<String> templateIds,
            RedirectAttributes redirect) {
        List<TemplateRuleView> rules = new ArrayList<>();
        int n = templateIds == null ? 0 : templateIds.size();
        for (int i = 0; i < n; i++) {
            String template = templateIds.get(i);
            if (template == null || template.isBlank()) {
                continue;
            }
            rules.add(new TemplateRuleView(
                    value(IncidentKind.class, kinds, i),
                    value(Severity.class, severities, i),
                    Long.parseLong(template)));
        }
        templates.replaceRules(rules);
        redirect.addFlashAttribute("notice", "Saved the rules.");
        return "redirect:/admin/templates#rules";
    }

    private static <E extends Enum<E>> @Nullable E value(Class<E> type, @Nullable List<String> values, int i) {
        if (values == null
                || i >= values.size()
                || values.get(i) == null
                || values.get(i).isBlank()) {
            return null;
        }
        return Enum.valueOf(type, values.get(i));
    }
}
