package org.kintsugi.analysis.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionType;
import org.kintsugi.action.Priority;
import org.kintsugi.analysis.factors.ContributingFactors;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.factors.FactorInput;
import org.kintsugi.analysis.factors.FactorView;
import org.kintsugi.analysis.whys.Evidence;
import org.kintsugi.analysis.whys.EvidenceKind;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.analysis.whys.NodeView;
import org.kintsugi.analysis.whys.TreeView;
import org.kintsugi.analysis.whys.VoteState;
import org.kintsugi.analysis.whys.WhyAnswer;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.ETags;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Parsing;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The five-whys API: read a postmortem's tree, add, change and remove answers, vote, choose the path, act. */
@RestController
@RequestMapping("/api/v1/postmortems/{id}/whys")
@Tag(name = "Five whys")
class WhysApi {

    /**
     * Evidence as a client sends it; {@code kind} is TIMELINE_EVENT ({@code ref} the event's id), ACCOUNT_ENTRY
     * ({@code ref} {@code account:entry}, e.g. {@code 12:3}, of a shared account) or URL.
     */
    record EvidenceRequest(
            @Nullable String kind,
            @Nullable String ref,
            @Nullable String label) {}

    /**
     * An answer as a client sends it. {@code parentId} (on create) is the answer it explains, none for the problem
     * statement; {@code version} (on change) is the version read, or send {@code If-Match}.
     */
    record NodeRequest(
            @Nullable Long parentId,
            @Nullable String answer,
            @Nullable List<EvidenceRequest> evidence,
            @Nullable Long version) {}

    /** The problem statement; empty goes back to the incident's impact. */
    record ProblemRequest(
            @Nullable String problem, @Nullable Long version) {}

    /** The action item to propose for an answer; an empty title takes the answer's words. */
    record ActionRequest(
            @Nullable String title,
            @Nullable String description,
            @Nullable Long ownerId,
            @Nullable String dueDate,
            @Nullable String priority,
            @Nullable String type,
            @Nullable String verification) {}

    /** The category (by id, or by name) to mark an answer as a contributing factor in, with an optional note. */
    record FactorRequest(
            @Nullable Long categoryId,
            @Nullable String category,
            @Nullable String note) {}

    /** How many answers a removal took with it. */
    record Removed(int removed) {}

    private final FiveWhys whys;
    private final ContributingFactors factors;
    private final FactorCategories categories;

    WhysApi(FiveWhys whys, ContributingFactors factors, FactorCategories categories) {
        this.whys = whys;
        this.factors = factors;
        this.categories = categories;
    }

    @Operation(
            summary = "Read the tree",
            description = "The problem statement, every answer with its evidence, votes and the coach's findings, the"
                    + " chosen paths, and how many votes the caller has left.")
    @GetMapping
    ResponseEntity<TreeView> tree(@PathVariable long id, @AuthenticationPrincipal KintsugiPrincipal me) {
        TreeView tree = whys.tree(id, me.id());
        return ResponseEntity.ok().eTag(ETags.of(tree.version())).body(tree);
    }

    @Operation(summary = "Restate the problem", description = "Needs the tree's version (body or If-Match).")
    @PutMapping("/problem")
    ResponseEntity<TreeView> problem(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody ProblemRequest request,
            Author author) {
        long expected = Versions.expected(ifMatch, request.version());
        TreeView tree = whys.restate(id, expected, request.problem() == null ? "" : request.problem(), author);
        return ResponseEntity.ok().eTag(ETags.of(tree.version())).body(tree);
    }

    @Operation(summary = "Add an answer", description = "Without parentId it answers the problem statement.")
    @PostMapping("/nodes")
    ResponseEntity<NodeView> add(@PathVariable long id, @RequestBody NodeRequest request, Author author) {
        NodeView added = whys.addCause(id, request.parentId(), answer(request, null), author);
        return ResponseEntity.created(URI.create("/api/v1/postmortems/" + id + "/whys/nodes/" + added.id()))
                .eTag(ETags.of(added.version()))
                .body(added);
    }

    @Operation(summary = "Read one answer")
    @GetMapping("/nodes/{nodeId}")
    ResponseEntity<NodeView> node(
            @PathVariable long id, @PathVariable long nodeId, @AuthenticationPrincipal KintsugiPrincipal me) {
        NodeView node = whys.node(id, nodeId, me.id());
        return ResponseEntity.ok().eTag(ETags.of(node.version())).body(node);
    }

    @Operation(
            summary = "Change an answer",
            description = "Fields left out stay as they are. A stale version in the body is a conflict (409), a stale"
                    + " If-Match a failed precondition (412).")
    @PatchMapping(
            path = "/nodes/{nodeId}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<NodeView> patch(
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody NodeRequest request,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author) {
        long expected = Versions.expected(ifMatch, request.version());
        NodeView current = whys.node(id, nodeId, me.id());
        NodeView revised = whys.revise(id, nodeId, expected, answer(request, current), author);
        return ResponseEntity.ok().eTag(ETags.of(revised.version())).body(revised);
    }

    @Operation(summary = "Replace an answer and its evidence", description = "Evidence left out is removed.")
    @PutMapping("/nodes/{nodeId}")
    ResponseEntity<NodeView> put(
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody NodeRequest request,
            Author author) {
        long expected = Versions.expected(ifMatch, request.version());
        NodeView revised = whys.revise(id, nodeId, expected, answer(request, null), author);
        return ResponseEntity.ok().eTag(ETags.of(revised.version())).body(revised);
    }

    @Operation(
            summary = "Remove an answer with every answer under it",
            description = "Their votes go back to the voters and their contributing-factor marks go with them; action"
                    + " items made from them stay. Answers with how many were removed.")
    @DeleteMapping("/nodes/{nodeId}")
    Removed remove(@PathVariable long id, @PathVariable long nodeId, Author author) {
        return new Removed(whys.remove(id, nodeId, author));
    }

    @Operation(
            summary = "Vote for an answer",
            description = "Refused (409) past the caller's budget on the tree or on one answer.")
    @PostMapping("/nodes/{nodeId}/votes")
    VoteState vote(@PathVariable long id, @PathVariable long nodeId, Author author) {
        return whys.vote(id, nodeId, author);
    }

    @Operation(summary = "Withdraw one of the caller's votes on an answer")
    @DeleteMapping("/nodes/{nodeId}/votes")
    VoteState withdraw(@PathVariable long id, @PathVariable long nodeId, Author author) {
        return whys.withdraw(id, nodeId, author);
    }

    @Operation(summary = "Mark an answer as chosen", description = "The postmortem's owner only (else 403).")
    @PostMapping("/nodes/{nodeId}/choose")
    NodeView choose(@PathVariable long id, @PathVariable long nodeId, Author author) {
        return whys.choose(id, nodeId, true, author);
    }

    @Operation(summary = "Take the chosen mark off an answer", description = "The postmortem's owner only (else 403).")
    @PostMapping("/nodes/{nodeId}/unchoose")
    NodeView unchoose(@PathVariable long id, @PathVariable long nodeId, Author author) {
        return whys.choose(id, nodeId, false, author);
    }

    @Operation(
            summary = "Propose an action item for an answer",
            description = "The item's description quotes the whys that led there and links back; the answer links to"
                    + " the item (actionId). dueDate YYYY-MM-DD; priority P1–P4; type prevent|detect|mitigate|process.")
    @PostMapping("/nodes/{nodeId}/action")
    ResponseEntity<NodeView> action(
            @PathVariable long id, @PathVariable long nodeId, @RequestBody ActionRequest request, Author author) {
        if (request.ownerId() == null) {
            throw new InvalidInputException("ownerId", "is required: name the one person who will see it through");
        }
        NodeView node = whys.toAction(id, nodeId, details(request), request.ownerId(), author);
        return ResponseEntity.created(URI.create("/api/v1/actions/" + node.actionId()))
                .body(node);
    }

    @Operation(summary = "Mark an answer as a contributing factor, or change its category")
    @PutMapping("/nodes/{nodeId}/factor")
    FactorView markFactor(
            @PathVariable long id, @PathVariable long nodeId, @RequestBody FactorRequest request, Author author) {
        Long category = FactorsApi.categoryId(categories, request.categoryId(), request.category());
        return factors.markAnswer(id, nodeId, new FactorInput(null, category, request.note()), author);
    }

    @Operation(summary = "Take the contributing-factor mark off an answer")
    @DeleteMapping("/nodes/{nodeId}/factor")
    ResponseEntity<Void> unmarkFactor(@PathVariable long id, @PathVariable long nodeId) {
        factors.unmarkAnswer(id, nodeId);
        return ResponseEntity.noContent().build();
    }

    /** Read an answer from the request; what it leaves out comes from {@code current} when patching. */
    private static WhyAnswer answer(NodeRequest request, @Nullable NodeView current) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        if (request.evidence() == null) {
            if (current != null) {
                evidence.addAll(current.evidence());
            }
        } else {
            for (int i = 0; i < request.evidence().size(); i++) {
                EvidenceRequest e = request.evidence().get(i);
                String at = "evidence[" + i + "].kind";
                EvidenceKind kind = e == null ? null : Parsing.enumValue(at, e.kind(), EvidenceKind.class, problems);
                if (kind == null) {
                    if (problems.stream().noneMatch(p -> p.field().equals(at))) {
                        problems.add(new FieldProblem(at, "is required: TIMELINE_EVENT, ACCOUNT_ENTRY or URL"));
                    }
                    continue;
                }
                evidence.add(new Evidence(kind, e.ref() == null ? "" : e.ref(), e.label() == null ? "" : e.label()));
            }
        }
        Parsing.check(problems);
        String answer = request.answer() != null ? request.answer() : current == null ? "" : current.answer();
        return new WhyAnswer(answer, evidence);
    }

    private static ActionDetails details(ActionRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate due = null;
        try {
            due = request.dueDate() == null
                    ? null
                    : LocalDate.parse(request.dueDate().strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("dueDate", "'" + request.dueDate() + "' is not a date like 2026-12-15"));
        }
        if (due == null && problems.isEmpty()) {
            problems.add(new FieldProblem("dueDate", "is required"));
        }
        Priority priority = Parsing.enumValue("priority", request.priority(), Priority.class, problems);
        ActionType type = Parsing.enumValue("type", request.type(), ActionType.class, problems);
        Parsing.check(problems);
        return new ActionDetails(
                request.title() == null ? "" : request.title(),
                request.description() == null ? "" : request.description(),
                due,
                priority == null ? Priority.P3 : priority,
                type == null ? ActionType.PREVENT : type,
                request.verification() == null ? "" : request.verification());
    }
}
