package org.kintsugi.analysis.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.kintsugi.analysis.factors.CategoryView;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.whys.VoteBudget;
import org.kintsugi.analysis.whys.VotingRules;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins set the five-whys vote budget and keep the taxonomy of contributing factors. */
@Controller
@RequestMapping("/admin/analysis")
class AnalysisAdminController {

    private final VotingRules voting;
    private final FactorCategories categories;

    AnalysisAdminController(VotingRules voting, FactorCategories categories) {
        this.voting = voting;
        this.categories = categories;
    }

    @GetMapping
    String show(Model model) {
        return page(model, voting.current(), "", Map.of());
    }

    @PostMapping("/voting")
    String voting(
            @RequestParam(defaultValue = "0") int perPerson,
            @RequestParam(defaultValue = "0") int perNode,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        VoteBudget wanted = new VoteBudget(perPerson, perNode);
        try {
            voting.change(wanted);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, wanted, "", e.byField());
        }
        redirect.addFlashAttribute(
                "notice",
                "Saved. Each person now has " + perPerson + " votes per tree, at most " + perNode
                        + " on one answer; votes already cast stay.");
        return "redirect:/admin/analysis";
    }

    @PostMapping("/categories")
    String add(
            @RequestParam(defaultValue = "") String name,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            CategoryView added = categories.add(name);
            redirect.addFlashAttribute("notice", "Added the category \"" + added.name() + "\".");
            return "redirect:/admin/analysis#categories";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, voting.current(), name, e.byField());
        }
    }

    @PostMapping("/categories/{id}")
    String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            CategoryView renamed = categories.rename(id, name);
            redirect.addFlashAttribute("notice", "Renamed to \"" + renamed.name() + "\".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "The new name " + e.byField().get("name") + ".");
        }
        return "redirect:/admin/analysis#categories";
    }

    @PostMapping("/categories/{id}/retire")
    String retire(@PathVariable long id, @RequestParam boolean retired, RedirectAttributes redirect) {
        CategoryView category = categories.retire(id, retired);
        redirect.addFlashAttribute(
                "notice",
                retired
                        ? "Retired \"" + category.name() + "\": its factors keep it, new ones cannot choose it."
                        : "\"" + category.name() + "\" can be chosen again.");
        return "redirect:/admin/analysis#categories";
    }

    private String page(Model model, VoteBudget budget, String newName, Map<String, String> errors) {
        model.addAttribute("budget", budget);
        model.addAttribute("categories", categories.all());
        model.addAttribute("newName", newName);
        model.addAttribute("errors", errors.isEmpty() ? null : errors);
        return "analysis/admin/analysis";
    }
}
