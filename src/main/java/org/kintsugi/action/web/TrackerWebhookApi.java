package org.kintsugi.action.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.tracker.TrackerWebhooks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where trackers tell Kintsugi that a ticket was closed or reopened. Open to callers without an account: each hook
 * proves it knows the secret set up for its tracker, or gets 401. A delivery taken before gets 200 with
 * {@code "result": "duplicate"} and changes nothing.
 */
@RestController
@RequestMapping("/api/v1/trackers")
@Tag(name = "Trackers")
class TrackerWebhookApi {

    private final TrackerWebhooks webhooks;

    TrackerWebhookApi(TrackerWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** What Kintsugi did with a hook. */
    record HookResponse(String result, String message) {}

    @Operation(summary = "GitHub webhook", description = "issues events, signed with X-Hub-Signature-256.")
    @PostMapping("/github/webhook")
    ResponseEntity<?> github(
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) @Nullable String signature,
            @RequestHeader(name = "X-GitHub-Event", required = false) @Nullable String event,
            @RequestHeader(name = "X-GitHub-Delivery", required = false) @Nullable String delivery) {
        return answer(webhooks.github(bytes(body), signature, event, delivery));
    }

    @Operation(summary = "GitLab webhook", description = "Issue Hook events, with the secret in X-Gitlab-Token.")
    @PostMapping("/gitlab/webhook")
    ResponseEntity<?> gitlab(
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = "X-Gitlab-Token", required = false) @Nullable String token,
            @RequestHeader(name = "X-Gitlab-Event", required = false) @Nullable String event,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestHeader(name = "X-Gitlab-Event-UUID", required = false) @Nullable String eventUuid) {
        return answer(webhooks.gitlab(bytes(body), token, event, idempotencyKey != null ? idempotencyKey : eventUuid));
    }

    @Operation(summary = "Jira Cloud webhook", description = "Issue events of an admin webhook with a secret.")
    @PostMapping("/jira/webhook")
    ResponseEntity<?> jira(
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = "X-Hub-Signature", required = false) @Nullable String signature,
            @RequestHeader(name = "X-Atlassian-Webhook-Identifier", required = false) @Nullable String delivery) {
        return answer(webhooks.jira(bytes(body), signature, delivery));
    }

    private static ResponseEntity<?> answer(TrackerWebhooks.Result result) {
        return switch (result.outcome()) {
            case APPLIED, IGNORED, DUPLICATE ->
                ResponseEntity.ok(new HookResponse(result.outcome().name().toLowerCase(), result.message()));
            case UNVERIFIED -> problem(HttpStatus.UNAUTHORIZED, "Unverified webhook", result.message());
            case UNREADABLE -> problem(HttpStatus.BAD_REQUEST, "Unreadable webhook", result.message());
        };
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }

    private static byte[] bytes(byte @Nullable [] body) {
        return body == null ? new byte[0] : body;
    }
}
