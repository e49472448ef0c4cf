package org.kintsugi.action.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionView;
import org.kintsugi.action.HistoryEntry;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.ETags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The action item API: propose, list, read, change, and move items through their life. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Action items")
class ActionApi {

    private final ActionManagement actions;
    private final org.kintsugi.action.ActionTriage triage;

    ActionApi(ActionManagement actions, org.kintsugi.action.ActionTriage triage) {
        this.actions = actions;
        this.triage = triage;
    }

    /**
     * An action item as a client sends it. {@code dueDate} is {@code YYYY-MM-DD}; priority {@code P1}–{@code P4};
     * type {@code prevent|detect|mitigate|process}. {@code team} alone, without {@code ownerId}, is refused.
     */
    record ActionRequest(
            @Nullable String title,
            @Nullable String description,
            @Nullable Long ownerId,
            @Nullable String team,
            @Nullable String dueDate,
            @Nullable String priority,
            @Nullable String type,
            @Nullable String verification,
            @Nullable Long parentId) {

        /** Return the details, with what the request leaves out taken from {@code current} (or defaults). */
        ActionDetails details(@Nullable ActionView current) {
            return ActionInput.details(title, description, dueDate, priority, type, verification, current);
        }
    }

    /** Why an item is committed early or dropped. */
    record ReasonRequest(@Nullable String reason) {}

    /** Whether a done item worked, the evidence, and what to do if it did not. */
    record VerifyRequest(
            @Nullable Boolean effective,
            @Nullable String evidence,
            @Nullable Boolean reopen) {}

    @Operation(summary = "Propose an action item for a postmortem", description = "With parentId, a sub-step.")
    @PostMapping("/postmortems/{id}/actions")
    ResponseEntity<ActionView> propose(@PathVariable long id, @RequestBody ActionRequest request, Author author) {
        ActionView proposed = actions.propose(
                id, request.parentId(), request.details(null), request.ownerId(), request.team(), author);
        return ResponseEntity.created(URI.create("/api/v1/actions/" + proposed.id()))
                .eTag(ETags.of(proposed.version()))
                .body(proposed);
    }

    @Operation(summary = "List a postmortem's action items, each followed by its sub-steps")
    @GetMapping("/postmortems/{id}/actions")
    List<ActionView> ofPostmortem(@PathVariable long id) {
        return actions.forPostmortem(id);
    }

    @Operation(
            summary = "List action items",
            description = "owner: a user id or 'me'; team: a team named on the item's incident; status: proposed,"
                    + " committed, in-progress, done, verified, not-effective, dropped; overdue=true; dueFrom/dueTo dates."
                    + " At most 100 items a page (size, page from 0); the X-Total-Count header holds how many"
                    + " match, and a Link header with rel=\"next\" the address of the next page.")
    @GetMapping("/actions")
    ResponseEntity<List<ActionView>> list(
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Nullable String dueFrom,
            @RequestParam(required = false) @Nullable String dueTo,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size,
            @AuthenticationPrincipal KintsugiPrincipal me,
            HttpServletRequest request) {
        var found = actions.list(ActionQuery.filter(owner, team, status, overdue, dueFrom, dueTo, me.id()), page, size);
        var response = ResponseEntity.ok().header("X-Total-Count", String.valueOf(found.getTotalElements()));
        if (found.hasNext()) {
            String next = ServletUriComponentsBuilder.fromRequest(request)
                    .replaceQueryParam("page", found.getNumber() + 1)
                    .build()
                    .toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(found.getContent());
    }

    @Operation(summary = "Read one action item")
    @GetMapping("/actions/{id}")
    ResponseEntity<ActionView> get(@PathVariable long id) {
        return tagged(actions.find(id));
    }

    @Operation(summary = "Read an action item's history, oldest first")
    @GetMapping("/actions/{id}/history")
    List<HistoryEntry> history(@PathVariable long id) {
        return actions.history(id);
    }

    @Operation(summary = "Change an action item", description = "Fields left out stay as they are; If-Match required.")
    @PatchMapping(
            path = "/actions/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<ActionView> patch(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody ActionRequest request,
            Author author) {
        long expected = ETags.required(ifMatch, "the action item");
        ActionView current = actions.find(id);
        Long owner = request.ownerId() == null ? current.owner().id() : request.ownerId();
        return tagged(actions.revise(id, expected, request.details(current), owner, author));
    }

    @Operation(
            summary = "Commit a proposal",
            description = "Refused while it soaks, except for the postmortem's" + " owner with a reason.")
    @PostMapping("/actions/{id}/commit")
    ResponseEntity<ActionView> commit(
            @PathVariable long id, @RequestBody(required = false) @Nullable ReasonRequest request, Author author) {
        return tagged(actions.commit(id, author, request == null ? null : request.reason()));
    }

    @Operation(summary = "Start work on a committed item")
    @PostMapping("/actions/{id}/start")
    ResponseEntity<ActionView> start(@PathVariable long id, Author author) {
        return tagged(actions.start(id, author));
    }

    @Operation(summary = "Mark an item done; it is then due for verification")
    @PostMapping("/actions/{id}/complete")
    ResponseEntity<ActionView> complete(@PathVariable long id, Author author) {
        return tagged(actions.complete(id, author));
    }

    @Operation(
            summary = "Record whether a done item worked",
            description = "reopen=true takes an ineffective item" + " back into work.")
    @PostMapping("/actions/{id}/verify")
    ResponseEntity<ActionView> verify(@PathVariable long id, @RequestBody VerifyRequest request, Author author) {
        if (request.effective() == null) {
            throw new org.kintsugi.shared.InvalidInputException("effective", "is required: true or false");
        }
        ActionView verified =
                actions.verify(id, request.effective(), request.evidence() == null ? "" : request.evidence(), author);
        if (!request.effective() && Boolean.TRUE.equals(request.reopen())) {
            verified = actions.reopen(id, author);
        }
        return tagged(verified);
    }

    @Operation(summary = "Propose a new item that follows up on one that did not work")
    @PostMapping("/actions/{id}/follow-up")
    ResponseEntity<ActionView> followUp(@PathVariable long id, @RequestBody ActionRequest request, Author author) {
        ActionView created = actions.followUp(id, request.details(null), request.ownerId(), author);
        return ResponseEntity.created(URI.create("/api/v1/actions/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(created);
    }

    @Operation(summary = "Reopen a done or ineffective item")
    @PostMapping("/actions/{id}/reopen")
    ResponseEntity<ActionView> reopen(@PathVariable long id, Author author) {
        return tagged(actions.reopen(id, author));
    }

    @Operation(summary = "Drop an open item, with the reason")
    @PostMapping("/actions/{id}/drop")
    ResponseEntity<ActionView> drop(@PathVariable long id, @RequestBody ReasonRequest request, Author author) {
        return tagged(actions.drop(id, request.reason() == null ? "" : request.reason(), author));
    }

    /** Which proposal to take into this one. */
    record MergeRequest(@Nullable Long mergeId) {}

    /** The items that matter most, and what happens to the postmortem's other committed items. */
    record FocusRequest(
            @Nullable List<Long> keep,
            @Nullable String others,
            @Nullable String reason) {}

    @Operation(
            summary = "Merge another proposal into this one",
            description = "The other proposal is dropped with a reason pointing here; its sub-steps move here.")
    @PostMapping("/actions/{id}/merge")
    ResponseEntity<ActionView> merge(@PathVariable long id, @RequestBody MergeRequest request, Author author) {
        if (request.mergeId() == null) {
            throw new org.kintsugi.shared.InvalidInputException("mergeId", "is required");
        }
        return tagged(triage.merge(id, request.mergeId(), author));
    }

    @Operation(
            summary = "Choose which committed items matter most",
            description = "others: lower (to P4, the default) or drop (with a reason). Returns the postmortem's items.")
    @PostMapping("/postmortems/{id}/actions/focus")
    List<ActionView> focus(@PathVariable long id, @RequestBody FocusRequest request, Author author) {
        String others = request.others() == null ? "lower" : request.others();
        if (!others.equals("lower") && !others.equals("drop")) {
            throw new org.kintsugi.shared.InvalidInputException("others", "'" + others + "' is not lower or drop");
        }
        triage.focus(
                id,
                new java.util.HashSet<>(request.keep() == null ? List.of() : request.keep()),
                others.equals("drop"),
                request.reason() == null ? "" : request.reason(),
                author);
        return actions.forPostmortem(id);
    }

    private static ResponseEntity<ActionView> tagged(ActionView action) {
        return ResponseEntity.ok().eTag(ETags.of(action.version())).body(action);
    }
}
