package org.kintsugi.analysis.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.kintsugi.analysis.coach.Category;
import org.kintsugi.analysis.coach.LanguageRules;
import org.kintsugi.analysis.coach.NewRule;
import org.kintsugi.analysis.coach.RuleView;
import org.kintsugi.shared.InvalidInputException;
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

/** Admins switch the coach's rules on and off and add house rules. */
@Controller
@RequestMapping("/admin/language")
class LanguageAdminController {

    private final LanguageRules rules;

    LanguageAdminController(LanguageRules rules) {
        this.rules = rules;
    }

    @GetMapping
    String show(Model model) {
        return page(model, new NewRule("", false, "CUSTOM", "", ""));
    }

    @PostMapping("/{id}")
    String switchRule(@PathVariable String id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        RuleView rule = rules.switchRule(id, enabled);
        redirect.addFlashAttribute("notice", "Rule " + rule.id() + " is now " + (enabled ? "on." : "off."));
        return "redirect:/admin/language";
    }

    @PostMapping
    String add(@ModelAttribute NewRule wanted, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            RuleView added = rules.add(wanted);
            redirect.addFlashAttribute("notice", "Added rule " + added.id() + ".");
            return "redirect:/admin/language";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", e.byField());
            return page(model, wanted);
        }
    }

    private String page(Model model, NewRule form) {
        model.addAttribute("rules", rules.list());
        model.addAttribute("categories", List.of(Category.values()));
        model.addAttribute("form", form);
        return "analysis/admin/language";
    }
}
