package org.kintsugi.postmortem.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.review.PostmortemReview;
import org.kintsugi.postmortem.review.ReviewView;
import org.kintsugi.postmortem.revision.PostmortemRevisions;
import org.kintsugi.postmortem.revision.SectionComparison;
import org.kintsugi.postmortem.web.PostmortemJson.ApproveRequest;
import org.kintsugi.postmortem.web.PostmortemJson.ChangesRequest;
import org.kintsugi.postmortem.web.PostmortemJson.PersonRequest;
import org.kintsugi.postmortem.web.PostmortemJson.PostmortemResponse;
import org.kintsugi.postmortem.web.PostmortemJson.SectionRequest;
import org.kintsugi.postmortem.web.PostmortemJson.SectionResponse;
import org.kintsugi.postmortem.web.PostmortemJson.StartRequest;
import org.kintsugi.shared.ETags;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The postmortem API: start one from an incident, write its sections, share it, review and publish it. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Postmortems")
class PostmortemApi {

    private final PostmortemManagement postmortems;
    private final PostmortemReview review;
    private final PostmortemRevisions revisions;
    private final IncidentManagement incidents;
    private final Clock clock;

    PostmortemApi(
            PostmortemManagement postmortems,
            PostmortemReview review,
            PostmortemRevisions revisions,
            IncidentManagement incidents,
            Clock clock) {
        this.postmortems = postmortems;
        this.review = review;
        this.revisions = revisions;
        this.incidents = incidents;
        this.clock = clock;
    }

    @Operation(
            summary = "Start the postmortem of an incident",
            description = "The template the rules pick for the"
                    + " incident's kind and severity, unless templateId names another.")
    @PostMapping("/incidents/{key}/postmortem")
    ResponseEntity<PostmortemResponse> start(
            @PathVariable String key, @RequestBody(required = false) @Nullable StartRequest request, Author author) {
        Long templateId = request == null ? null : request.templateId();
        PostmortemView started = postmortems.start(key, templateId, author);
        return ResponseEntity.created(URI.create("/api/v1/postmortems/" + started.id()))
                .eTag(ETags.of(started.version()))
                .body(PostmortemResponse.of(started, clock.instant()));
    }

    @Operation(summary = "Read the postmortem of an incident")
    @GetMapping("/incidents/{key}/postmortem")
    ResponseEntity<PostmortemResponse> ofIncident(@PathVariable String key) {
        long incidentId = incidents.find(key).id();
        return postmortems
                .forIncident(incidentId)
                .map(this::withTag)
                .orElseThrow(() -> new org.kintsugi.shared.NotFoundException(key + " has no postmortem yet."));
    }

    @Operation(
            summary = "List postmortems",
            description = "status: draft|in-review|approved|published; due: due|overdue")
    @GetMapping("/postmortems")
    Map<String, Object> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String due,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        var result = postmortems.list(PostmortemFilters.read(status, due, severity, team, page, size));
        return Map.of(
                "items",
                        result.getContent().stream()
                                .map(p -> PostmortemResponse.of(p, clock.instant()))
                                .toList(),
                "page", result.getNumber(),
                "size", result.getSize(),
                "totalItems", result.getTotalElements(),
                "totalPages", result.getTotalPages());
    }

    @Operation(summary = "Read one postmortem")
    @GetMapping("/postmortems/{id}")
    ResponseEntity<PostmortemResponse> get(@PathVariable long id) {
        return withTag(postmortems.find(id));
    }

    @Operation(
            summary = "Save a section's Markdown",
            description = "Send If-Match with the section's version (its"
                    + " ETag); a stale tag gets 412 and changes nothing.")
    @PutMapping("/postmortems/{id}/sections/{sectionKey}")
    ResponseEntity<?> writeSection(
            @PathVariable long id,
            @PathVariable String sectionKey,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody SectionRequest request,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        long expected = ETags.required(ifMatch, "the section");
        if (request.body() == null) {
            throw new InvalidInputException("body", "is required (send an empty string to clear the section)");
        }
        PostmortemView.Section saved = postmortems.write(id, sectionKey, expected, request.body(), me.displayName());
        return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(SectionResponse.of(saved));
    }

    @Operation(summary = "Add a co-author", description = "The owner or an administrator (else 403).")
    @PostMapping("/postmortems/{id}/co-authors")
    ResponseEntity<PostmortemResponse> addCoAuthor(
            @PathVariable long id, @RequestBody PersonRequest request, Author author) {
        return withTag(postmortems.addCoAuthor(id, person(request), author));
    }

    @Operation(summary = "Remove a co-author", description = "The owner or an administrator (else 403).")
    @DeleteMapping("/postmortems/{id}/co-authors/{userId}")
    ResponseEntity<PostmortemResponse> removeCoAuthor(@PathVariable long id, @PathVariable long userId, Author author) {
        return withTag(postmortems.removeCoAuthor(id, userId, author));
    }

    @Operation(
            summary = "Hand the postmortem over to a new owner",
            description = "The owner or an administrator (else 403); the previous owner stays on as a co-author.")
    @PostMapping("/postmortems/{id}/owner")
    ResponseEntity<PostmortemResponse> handOver(
            @PathVariable long id, @RequestBody PersonRequest request, Author author) {
        return withTag(postmortems.handOver(id, person(request), author));
    }

    @Operation(summary = "Submit for review", description = "Refused with the list of required sections still empty.")
    @PostMapping("/postmortems/{id}/submit")
    ResponseEntity<PostmortemResponse> submit(@PathVariable long id, Author author) {
        return withTag(review.submit(id, author));
    }

    @Operation(summary = "Take a postmortem in review back to draft")
    @PostMapping("/postmortems/{id}/withdraw")
    ResponseEntity<PostmortemResponse> withdraw(@PathVariable long id, Author author) {
        return withTag(review.withdraw(id, author));
    }

    @Operation(summary = "Approve", description = "Only someone who is not an author may approve (four-eyes rule).")
    @PostMapping("/postmortems/{id}/approve")
    ResponseEntity<PostmortemResponse> approve(
            @PathVariable long id, @RequestBody(required = false) @Nullable ApproveRequest request, Author author) {
        List<String> checked = request == null || request.checked() == null ? List.of() : request.checked();
        String comment = request == null || request.comment() == null ? "" : request.comment();
        return withTag(review.approve(id, author, checked, comment));
    }

    @Operation(summary = "Request changes", description = "Sends the postmortem back to draft with the comment.")
    @PostMapping("/postmortems/{id}/request-changes")
    ResponseEntity<PostmortemResponse> requestChanges(
            @PathVariable long id, @RequestBody ChangesRequest request, Author author) {
        return withTag(review.requestChanges(id, author, request.comment() == null ? "" : request.comment()));
    }

    @Operation(summary = "Publish an approved postmortem")
    @PostMapping("/postmortems/{id}/publish")
    ResponseEntity<PostmortemResponse> publish(@PathVariable long id, Author author) {
        return withTag(review.publish(id, author));
    }

    @Operation(summary = "Amend a published postmortem", description = "Starts a new revision as a draft.")
    @PostMapping("/postmortems/{id}/amend")
    ResponseEntity<PostmortemResponse> amend(@PathVariable long id, Author author) {
        return withTag(review.amend(id, author));
    }

    @Operation(summary = "List the reviews, oldest first")
    @GetMapping("/postmortems/{id}/reviews")
    List<ReviewView> reviews(@PathVariable long id) {
        postmortems.find(id);
        return review.reviews(id);
    }

    @Operation(summary = "List the revisions")
    @GetMapping("/postmortems/{id}/revisions")
    List<PostmortemRevisions.RevisionView> revisions(@PathVariable long id) {
        return revisions.list(id);
    }

    @Operation(summary = "Read one revision's sections")
    @GetMapping("/postmortems/{id}/revisions/{number}")
    List<org.kintsugi.postmortem.revision.RevisionSection> revision(@PathVariable long id, @PathVariable int number) {
        return revisions.sections(id, number);
    }

    @Operation(summary = "Compare two revisions section by section")
    @GetMapping("/postmortems/{id}/revisions/compare")
    List<SectionComparison> compare(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return revisions.compare(id, from, to);
    }

    private static long person(PersonRequest request) {
        if (request.userId() == null) {
            throw new InvalidInputException("userId", "is required");
        }
        return request.userId();
    }

    private ResponseEntity<PostmortemResponse> withTag(PostmortemView postmortem) {
        return ResponseEntity.ok()
                .eTag(ETags.of(postmortem.version()))
                .body(PostmortemResponse.of(postmortem, clock.instant()));
    }
}
