package org.kintsugi.analysis.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionType;
import org.kintsugi.action.Priority;
import org.kintsugi.analysis.factors.ContributingFactors;
import org.kintsugi.analysis.factors.FactorInput;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.analysis.whys.NodeView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Parsing;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What follows from an answer: mark it as a contributing factor, or make an action item of it. */
@Controller
@RequestMapping("/postmortems/{id}/whys/nodes/{nodeId}")
class WhyFollowUpController {

    private final FiveWhys whys;
    private final ContributingFactors factors;
    private final WhyPages pages;

    WhyFollowUpController(FiveWhys whys, ContributingFactors factors, WhyPages pages) {
        this.whys = whys;
        this.factors = factors;
        this.pages = pages;
    }

    /** The contributing-factor form: a category and a note, or taking the mark off. */
    record FactorForm(
            @Nullable Long categoryId,
            @Nullable String note,
            @Nullable Boolean unmark) {

        FactorForm {
            note = note == null ? "" : note;
        }

        Map<String, String> typed() {
            return Map.of("categoryId", categoryId == null ? "" : categoryId.toString(), "note", note);
        }
    }

    /** The action-item form as typed, with the page's defaults for what it leaves out. */
    record ActionForm(
            @Nullable String title,
            @Nullable Long ownerId,
            @Nullable String dueDate,
            @Nullable String priority,
            @Nullable String type,
            @Nullable String verification) {

        ActionForm {
            title = title == null ? "" : title;
            dueDate = dueDate == null ? "" : dueDate;
            // As a request parameter's default: for a field left out and for one sent empty alike.
            priority = priority == null || priority.isEmpty() ? "P3" : priority;
            type = type == null || type.isEmpty() ? "PREVENT" : type;
            verification = verification == null ? "" : verification;
        }

        Map<String, String> typed() {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("title", title);
            typed.put("ownerId", ownerId == null ? "" : ownerId.toString());
            typed.put("dueDate", dueDate);
            typed.put("priority", priority);
            typed.put("type", type);
            typed.put("verification", verification);
            return typed;
        }

        ActionDetails details() {
            List<FieldProblem> problems = new ArrayList<>();
            LocalDate due = null;
            try {
                due = LocalDate.parse(dueDate.strip());
            } catch (DateTimeException e) {
                problems.add(new FieldProblem("dueDate", "is required, a date like 2026-12-15"));
            }
            Priority p = Parsing.enumValue("priority", priority, Priority.class, problems);
            ActionType t = Parsing.enumValue("type", type, ActionType.class, problems);
            Parsing.check(problems);
            return new ActionDetails(
                    title, "", due, p == null ? Priority.P3 : p, t == null ? ActionType.PREVENT : t, verification);
        }

        long owner() {
            if (ownerId == null) {
                throw new InvalidInputException("ownerId", "is required: name the one person who will see it through");
            }
            return ownerId;
        }
    }

    @PostMapping("/factor")
    String factor(
            @PathVariable long id,
            @PathVariable long nodeId,
            FactorForm form,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model,
            RedirectAttributes redirect) {
        WhyAttempt.typed("factor", nodeId, form.typed()).remember();
        String notice;
        if (Boolean.TRUE.equals(form.unmark())) {
            factors.unmarkAnswer(id, nodeId);
            notice = "No longer a contributing factor.";
        } else {
            var factor = factors.markAnswer(id, nodeId, new FactorInput(null, form.categoryId(), form.note()), author);
            notice = "Marked as a contributing factor: " + factor.category().name() + ".";
        }
        return pages.changed(id, new WhyPages.Done(nodeId, notice), htmx != null, me, model, redirect);
    }

    @PostMapping("/action")
    String action(
            @PathVariable long id,
            @PathVariable long nodeId,
            ActionForm form,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model,
            RedirectAttributes redirect) {
        WhyAttempt.typed("action", nodeId, form.typed()).remember();
        NodeView node = whys.toAction(id, nodeId, form.details(), form.owner(), author);
        var done = new WhyPages.Done(
                nodeId, "Proposed action item " + node.actionId() + ". It soaks before it is committed.");
        return pages.changed(id, done, htmx != null, me, model, redirect);
    }
}
