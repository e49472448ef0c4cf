package org.kintsugi.analysis.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The five whys on a postmortem's page: the tree, the problem statement and each answer beside it. An htmx request
 * gets the panel with the redrawn tree; without JavaScript each answer has a page of its own. Answers, votes and
 * follow-ups have controllers of their own; {@link AnalysisPageAdvice} answers what any of them refuses.
 */
@Controller
@RequestMapping("/postmortems/{id}/whys")
class WhysController {

    private final FiveWhys whys;
    private final WhysViews views;
    private final WhyPages pages;

    WhysController(FiveWhys whys, WhysViews views, WhyPages pages) {
        this.whys = whys;
        this.views = views;
        this.pages = pages;
    }

    /** The tree for a poll; nothing (204) when it looks the same as the one the page has. */
    @GetMapping("/tree")
    Object tree(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String since,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model) {
        WhysViews.Diagram diagram = views.diagram(id, me);
        if (diagram.fingerprint().equals(since)) {
            return ResponseEntity.noContent().build();
        }
        model.addAttribute("d", diagram);
        return "analysis/fragments/whys :: tree-response";
    }

    @GetMapping("/problem")
    String problem(
            @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model) {
        return pages.show(id, 0, htmx != null, me, model);
    }

    @GetMapping("/nodes/{nodeId}")
    String node(
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model) {
        return pages.show(id, nodeId, htmx != null, me, model);
    }

    @PostMapping("/problem")
    String restate(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String problem,
            @RequestParam(defaultValue = "0") long version,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model,
            RedirectAttributes redirect) {
        WhyAttempt.typed("problem", 0, Map.of("problem", problem)).remember();
        whys.restate(id, version, problem, author);
        String notice = problem.isBlank() ? "The problem is the incident's impact again." : "Problem restated.";
        return pages.changed(id, new WhyPages.Done(0, notice), htmx != null, me, model, redirect);
    }
}
