package org.kintsugi.action.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.tracker.TrackerConfiguration;
import org.kintsugi.action.tracker.TrackerKind;
import org.kintsugi.action.tracker.TrackerLinkView;
import org.kintsugi.action.tracker.TrackerSettingsChange;
import org.kintsugi.action.tracker.TrackerSettingsView;
import org.kintsugi.action.tracker.TrackerSync;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.RefusedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Send action items to GitHub, GitLab or Jira and read their tickets; administrators set up the trackers. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Trackers")
class TrackerApi {

    private final TrackerSync sync;
    private final TrackerConfiguration configuration;
    private final ActionManagement actions;
    private final String baseUrl;

    TrackerApi(
            TrackerSync sync,
            TrackerConfiguration configuration,
            ActionManagement actions,
            @Value("${kintsugi.base-url:http://localhost:8080}") String baseUrl) {
        this.sync = sync;
        this.configuration = configuration;
        this.actions = actions;
        this.baseUrl = baseUrl;
    }

    /** Which tracker to send an item to: {@code github}, {@code gitlab} or {@code jira}. */
    record SendRequest(@Nullable String tracker) {}

    /** An item's ticket: the request while it is on its way ({@code pending}), then the ticket ({@code sent}). */
    record LinkResponse(
            long actionId,
            String tracker,
            String state,
            @Nullable String key,
            @Nullable String url,
            @Nullable String remoteStatus,
            boolean remoteClosed,
            @Nullable Instant lastSyncedAt,
            int attempts,
            @Nullable Instant nextAttemptAt,
            @Nullable String lastError,
            @Nullable String syncProblem,
            @Nullable String note,
            Instant requestedAt,
            String requestedBy) {

        static LinkResponse of(TrackerLinkView link) {
            return new LinkResponse(
                    link.actionId(),
                    link.tracker().code(),
                    link.state().code(),
                    link.key(),
                    link.url(),
                    link.remoteStatus(),
                    link.remoteClosed(),
                    link.lastSyncedAt(),
                    link.attempts(),
                    link.nextAttemptAt(),
                    link.lastError(),
                    link.syncProblem(),
                    link.note(),
                    link.requestedAt(),
                    link.requestedBy());
        }
    }

    /** A tracker's settings; the token and webhook secret appear only as set or not. */
    record SettingsResponse(
            String tracker,
            boolean enabled,
            String baseUrl,
            String account,
            String target,
            String issueType,
            boolean tokenSet,
            boolean webhookSecretSet,
            boolean usable,
            String webhookUrl,
            @Nullable Instant updatedAt,
            String updatedBy) {}

    @Operation(
            summary = "Send an action item to a tracker",
            description = "201 with the ticket's key and address once created; 202 while the tracker is down and the"
                    + " request waits for its next try; 502 when the tracker refused it (the reason is on the item).")
    @PostMapping("/actions/{id}/tracker")
    ResponseEntity<?> send(
            @PathVariable long id, @RequestBody(required = false) @Nullable SendRequest request, Author author) {
        TrackerKind kind = TrackerForms.kind(request == null ? null : request.tracker());
        TrackerLinkView link = sync.send(id, kind, author);
        return switch (link.state()) {
            case SENT -> ResponseEntity.status(HttpStatus.CREATED).body(LinkResponse.of(link));
            case PENDING -> ResponseEntity.accepted().body(LinkResponse.of(link));
            case FAILED -> {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, link.lastError());
                problem.setTitle(kind.label() + " refused the ticket");
                problem.setProperty("link", LinkResponse.of(link));
                yield ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
            }
        };
    }

    @Operation(summary = "Read an action item's ticket", description = "404 when the item was never sent to a tracker.")
    @GetMapping("/actions/{id}/tracker")
    LinkResponse link(@PathVariable long id) {
        actions.find(id);
        return sync.linkFor(id)
                .map(LinkResponse::of)
                .orElseThrow(() -> new NotFoundException("Action item " + id + " was never sent to a tracker."));
    }

    @Operation(summary = "List the trackers' settings (administrators)")
    @GetMapping("/trackers")
    List<SettingsResponse> all(@AuthenticationPrincipal KintsugiPrincipal me) {
        admin(me);
        return configuration.all().stream().map(this::response).toList();
    }

    @Operation(summary = "Read a tracker's settings (administrators)", description = "github, gitlab or jira.")
    @GetMapping("/trackers/{tracker}")
    SettingsResponse settings(@PathVariable String tracker, @AuthenticationPrincipal KintsugiPrincipal me) {
        admin(me);
        return response(configuration.find(known(tracker)));
    }

    @Operation(
            summary = "Change a tracker's settings (administrators)",
            description = "Fields left out stay as they are; an empty token or webhookSecret keeps the stored one.")
    @PutMapping("/trackers/{tracker}")
    SettingsResponse change(
            @PathVariable String tracker,
            @RequestBody TrackerSettingsChange change,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author) {
        admin(me);
        return response(configuration.change(known(tracker), change, author));
    }

    private SettingsResponse response(TrackerSettingsView view) {
        return new SettingsResponse(
                view.tracker().code(),
                view.enabled(),
                view.baseUrl(),
                view.account(),
                view.target(),
                view.issueType(),
                view.tokenSet(),
                view.webhookSecretSet(),
                view.usable(),
                TrackerForms.webhookUrl(baseUrl, view.tracker()),
                view.updatedAt(),
                view.updatedBy());
    }

    private static TrackerKind known(String tracker) {
        return TrackerKind.fromCode(tracker)
                .orElseThrow(
                        () -> new NotFoundException("There is no tracker " + tracker + ": github, gitlab or jira."));
    }

    /** Reads of the settings too are for administrators only, though the API lets anyone signed in read. */
    private static void admin(KintsugiPrincipal me) {
        if (!me.isAdmin()) {
            throw RefusedException.person("Only administrators see and change how Kintsugi reaches trackers.");
        }
    }
}
