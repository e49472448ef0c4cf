package org.kintsugi.analysis.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionType;
import org.kintsugi.action.Priority;
import org.kintsugi.analysis.factors.ContributingFactors;
import org.kintsugi.analysis.factors.FactorInput;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.analysis.whys.NodeView;
import org.kintsugi.analysis.whys.VoteState;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Parsing;
import org.kintsugi.shared.RefusedException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.http.HttpStatus;
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
 * The five whys on a postmortem's page: open an answer beside the tree, add, change and remove answers, vote, choose
 * the path, mark factors and make action items. An htmx request gets the panel with the redrawn tree; without
 * JavaScript each answer has a page of its own.
 */
@Controller
@RequestMapping("/postmortems/{id}/whys")
class WhysController {

    private final FiveWhys whys;
    private final ContributingFactors factors;
    private final WhysViews views;
    private final PostmortemManagement postmortems;

    WhysController(FiveWhys whys, ContributingFactors factors, WhysViews views, PostmortemManagement postmortems) {
        this.whys = whys;
        this.factors = factors;
        this.views = views;
        this.postmortems = postmortems;
    }

    /** What a change did: which answer to show next and what to say. */
    private record Done(long nodeId, String notice) {}

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
        return show(id, 0, htmx != null, me, model);
    }

    @GetMapping("/nodes/{nodeId}")
    String node(
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model) {
        return show(id, nodeId, htmx != null, me, model);
    }

    @PostMapping("/problem")
    String restate(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String problem,
            @RequestParam(defaultValue = "0") long version,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("problem", problem);
        return change(
                id, 0, htmx != null, me, model, response, redirect, "problem", null, typed, e -> e.byField(), () -> {
                    whys.restate(id, version, problem, author(me));
                    return new Done(
                            0, problem.isBlank() ? "The problem is the incident's impact again." : "Problem restated.");
                });
    }

    @PostMapping("/nodes")
    String add(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long parentId,
            AnswerForm form,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AnswerForm.Read read = form.read();
        long at = parentId == null ? 0 : parentId;
        return change(id, at, htmx != null, me, model, response, redirect, "add", form, Map.of(), read::errors, () -> {
            NodeView added = whys.addCause(id, parentId, read.answer(), author(me));
            return new Done(added.id(), "Added. Why did that happen? Answer it below, or vote.");
        });
    }

    @PostMapping("/nodes/{nodeId}")
    String revise(
            @PathVariable long id,
            @PathVariable long nodeId,
            AnswerForm form,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AnswerForm.Read read = form.read();
        long version = form.version() == null ? -1 : form.version();
        return change(
                id, nodeId, htmx != null, me, model, response, redirect, "edit", form, Map.of(), read::errors, () -> {
                    whys.revise(id, nodeId, version, read.answer(), author(me));
                    return new Done(nodeId, "Saved.");
                });
    }

    @PostMapping("/nodes/{nodeId}/remove")
    String remove(
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Long parent = whys.node(id, nodeId, me.id()).parentId();
        return change(
                id,
                nodeId,
                htmx != null,
                me,
                model,
                response,
                redirect,
                "remove",
                null,
                Map.of(),
                e -> e.byField(),
                () -> {
                    int removed = whys.remove(id, nodeId, author(me));
                    return new Done(
                            parent == null ? 0 : parent,
                            removed == 1
                                    ? "Removed the answer."
                                    : "Removed the answer and the " + (removed - 1) + " under it.");
                });
    }

    @PostMapping("/nodes/{nodeId}/vote")
    String vote(
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(
                id,
                nodeId,
                htmx != null,
                me,
                model,
                response,
                redirect,
                "vote",
                null,
                Map.of(),
                e -> e.byField(),
                () -> {
                    VoteState state = whys.vote(id, nodeId, author(me));
                    return new Done(nodeId, "Voted. You have " + left(state) + " left.");
                });
    }

    @PostMapping("/nodes/{nodeId}/withdraw")
    String withdraw(
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(
                id,
                nodeId,
                htmx != null,
                me,
                model,
                response,
                redirect,
                "vote",
                null,
                Map.of(),
                e -> e.byField(),
                () -> {
                    VoteState state = whys.withdraw(id, nodeId, author(me));
                    return new Done(nodeId, "Vote withdrawn. You have " + left(state) + " left.");
                });
    }

    @PostMapping("/nodes/{nodeId}/choose")
    String choose(
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestParam(defaultValue = "true") boolean chosen,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(
                id,
                nodeId,
                htmx != null,
                me,
                model,
                response,
                redirect,
                "choose",
                null,
                Map.of(),
                e -> e.byField(),
                () -> {
                    whys.choose(id, nodeId, chosen, author(me));
                    return new Done(
                            nodeId,
                            chosen
                                    ? "Chosen: this answer and the whys above it are the path followed."
                                    : "No longer chosen.");
                });
    }

    @PostMapping("/nodes/{nodeId}/factor")
    String factor(
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestParam(required = false) @Nullable Long categoryId,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "false") boolean unmark,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("categoryId", categoryId == null ? "" : categoryId.toString(), "note", note);
        return change(
                id,
                nodeId,
                htmx != null,
                me,
                model,
                response,
                redirect,
                "factor",
                null,
                typed,
                e -> e.byField(),
                () -> {
                    if (unmark) {
                        factors.unmarkAnswer(id, nodeId);
                        return new Done(nodeId, "No longer a contributing factor.");
                    }
                    var factor = factors.markAnswer(id, nodeId, new FactorInput(null, categoryId, note), author(me));
                    return new Done(
                            nodeId,
                            "Marked as a contributing factor: "
                                    + factor.category().name() + ".");
                });
    }

    @PostMapping("/nodes/{nodeId}/action")
    String action(
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) @Nullable Long ownerId,
            @RequestParam(defaultValue = "") String dueDate,
            @RequestParam(defaultValue = "P3") String priority,
            @RequestParam(defaultValue = "PREVENT") String type,
            @RequestParam(defaultValue = "") String verification,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("title", title);
        typed.put("ownerId", ownerId == null ? "" : ownerId.toString());
        typed.put("dueDate", dueDate);
        typed.put("priority", priority);
        typed.put("type", type);
        typed.put("verification", verification);
        return change(
                id,
                nodeId,
                htmx != null,
                me,
                model,
                response,
                redirect,
                "action",
                null,
                typed,
                e -> e.byField(),
                () -> {
                    NodeView node = whys.toAction(
                            id,
                            nodeId,
                            details(title, dueDate, priority, type, verification),
                            owner(ownerId),
                            author(me));
                    return new Done(
                            nodeId, "Proposed action item " + node.actionId() + ". It soaks before it is committed.");
                });
    }

    private static ActionDetails details(
            String title, String dueDate, String priority, String type, String verification) {
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

    private static long owner(@Nullable Long ownerId) {
        if (ownerId == null) {
            throw new InvalidInputException("ownerId", "is required: name the one person who will see it through");
        }
        return ownerId;
    }

    private static String left(VoteState state) {
        return state.votesLeft() + (state.votesLeft() == 1 ? " vote" : " votes");
    }

    private String show(long id, long nodeId, boolean htmx, KintsugiPrincipal me, Model model) {
        model.addAttribute("w", views.panel(id, nodeId, me));
        if (htmx) {
            return "analysis/fragments/why-panel :: panel-response";
        }
        return page(id, me, model);
    }

    private String page(long id, KintsugiPrincipal me, Model model) {
        model.addAttribute("d", views.diagram(id, me));
        model.addAttribute("p", postmortems.find(id));
        return "analysis/why";
    }

    /** Make a change, then answer with the panel and the redrawn tree (htmx) or go to the answer's page. */
    private String change(
            long id,
            long nodeId,
            boolean htmx,
            KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String form,
            @Nullable AnswerForm typed,
            Map<String, String> values,
            Function<InvalidInputException, Map<String, String>> errors,
            java.util.function.Supplier<Done> change) {
        try {
            Done done = change.get();
            if (!htmx) {
                redirect.addFlashAttribute("notice", done.notice());
                return "redirect:/postmortems/" + id + "/whys/"
                        + (done.nodeId() == 0 ? "problem" : "nodes/" + done.nodeId());
            }
            model.addAttribute("w", views.panel(id, done.nodeId(), me).told(done.notice(), null));
        } catch (InvalidInputException e) {
            WhyPanel panel = views.panel(id, nodeId, me)
                    .with(
                            null,
                            "Some fields need attention; each is marked below.",
                            errors.apply(e),
                            form,
                            typed,
                            values);
            model.addAttribute("w", panel);
            if (!htmx) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                return page(id, me, model);
            }
        } catch (RefusedException | StaleVersionException e) {
            if (!htmx) {
                redirect.addFlashAttribute("problem", e.getMessage());
                return "redirect:/postmortems/" + id + "/whys/" + (nodeId == 0 ? "problem" : "nodes/" + nodeId);
            }
            model.addAttribute("w", views.panel(id, nodeId, me).told(null, e.getMessage()));
        }
        model.addAttribute("d", views.diagram(id, me));
        return "analysis/fragments/why-panel :: update";
    }

    static Author author(KintsugiPrincipal me) {
        return new Author(me.id(), me.displayName());
    }
}
