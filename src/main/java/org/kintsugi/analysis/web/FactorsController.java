package org.kintsugi.analysis.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.factors.ContributingFactors;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.factors.FactorFilter;
import org.kintsugi.analysis.factors.FactorInput;
import org.kintsugi.analysis.factors.FactorSearch;
import org.kintsugi.analysis.factors.FactorView;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Contributing factors: add, change and remove them on a postmortem's page, and look across postmortems at /factors. */
@Controller
class FactorsController {

    private final ContributingFactors factors;
    private final FactorCategories categories;
    private final PostmortemManagement postmortems;

    FactorsController(ContributingFactors factors, FactorCategories categories, PostmortemManagement postmortems) {
        this.factors = factors;
        this.categories = categories;
        this.postmortems = postmortems;
    }

    static final int PAGE_SIZE = 50;

    @GetMapping("/factors")
    String list(
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        List<FieldProblem> problems = new ArrayList<>();
        FactorFilter filter = FactorFilters.read(categories, category, team, kind, severity, from, to, problems);
        FactorSearch search = factors.search(filter, page, PAGE_SIZE);
        model.addAttribute("search", search);
        model.addAttribute(
                "page", new PageImpl<>(search.factors(), PageRequest.of(Math.max(0, page), PAGE_SIZE), search.total()));
        model.addAttribute("previousPage", pageUrl(page - 1));
        model.addAttribute("nextPage", pageUrl(page + 1));
        model.addAttribute("chart", FactorChart.of(search, filter.categoryId()));
        model.addAttribute("filter", filter);
        model.addAttribute("problems", problems);
        model.addAttribute("categories", categories.all());
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("knownTeams", postmortems.teams());
        return htmx != null ? "analysis/factors :: results" : "analysis/factors";
    }

    @PostMapping("/postmortems/{id}/factors")
    String add(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String statement,
            @RequestParam(required = false) @Nullable Long categoryId,
            @RequestParam(defaultValue = "") String note,
            Author author,
            RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            FactorView added = factors.add(id, new FactorInput(statement, categoryId, note), author);
            return "Added the contributing factor \"" + added.statement() + "\".";
        });
    }

    @PostMapping("/postmortems/{id}/factors/{factorId}")
    String revise(
            @PathVariable long id,
            @PathVariable long factorId,
            @RequestParam(required = false) @Nullable String statement,
            @RequestParam(required = false) @Nullable Long categoryId,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "-1") long version,
            Author author,
            RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            factors.revise(id, factorId, version, new FactorInput(statement, categoryId, note), author);
            return "Saved the contributing factor.";
        });
    }

    @PostMapping("/postmortems/{id}/factors/{factorId}/remove")
    String remove(@PathVariable long id, @PathVariable long factorId, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            factors.remove(id, factorId);
            return "Removed the contributing factor.";
        });
    }

    private static String change(long id, RedirectAttributes redirect, java.util.function.Supplier<String> change) {
        try {
            redirect.addFlashAttribute("notice", change.get());
        } catch (InvalidInputException | RefusedException | StaleVersionException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/postmortems/" + id + "#factors";
    }

    /** Return this list's address on another page, keeping every filter. */
    private static String pageUrl(int page) {
        var uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page");
        if (page > 0) {
            uri.queryParam("page", page);
        }
        return uri.build().toUriString();
    }
}
