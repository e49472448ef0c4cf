package org.kintsugi.action.tracker;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Take a tracker's word that a ticket was closed or reopened, once its webhook has shown it knows the secret:
 * GitHub's {@code X-Hub-Signature-256}, GitLab's {@code X-Gitlab-Token}, Jira's {@code X-Hub-Signature}; and take each
 * delivery once ({@link TrackerDeliveries}).
 */
@Service
public class TrackerWebhooks {

    /** What became of a webhook call. */
    public enum Outcome {
        /** The ticket's state reached its item. */
        APPLIED,
        /** Valid, but nothing for Kintsugi: another event, or a ticket no item has. */
        IGNORED,
        /** The signature or token is missing or wrong, or no secret is set up. */
        UNVERIFIED,
        /** Signed correctly, but not the JSON the tracker documents. */
        UNREADABLE,
        /** A delivery taken before (a retry, a redelivery or a replay): nothing is done again. */
        DUPLICATE
    }

    /** What became of a webhook call, and why. */
    public record Result(Outcome outcome, String message) {}

    private static final Set<String> GITLAB_ISSUE_EVENTS = Set.of("Issue Hook", "Confidential Issue Hook");

    private final TrackerConfiguration configuration;
    private final TicketFollower follower;
    private final TrackerDeliveries deliveries;
    private final JsonMapper json;

    TrackerWebhooks(
            TrackerConfiguration configuration,
            TicketFollower follower,
            TrackerDeliveries deliveries,
            JsonMapper json) {
        this.configuration = configuration;
        this.follower = follower;
        this.deliveries = deliveries;
        this.json = json;
    }

    /**
     * Handle a GitHub webhook: {@code issues} events that close or reopen an issue; {@code ping} is answered. A
     * delivery ({@code X-GitHub-Delivery}) taken before is a duplicate.
     */
    public Result github(byte[] body, @Nullable String signature, @Nullable String event, @Nullable String delivery) {
        if (!Signatures.signedBy(configuration.webhookSecret(TrackerKind.GITHUB), body, signature)) {
            return unverified(TrackerKind.GITHUB, "X-Hub-Signature-256");
        }
        if ("ping".equals(event)) {
            return new Result(Outcome.IGNORED, "pong");
        }
        if (!"issues".equals(event)) {
            return new Result(Outcome.IGNORED, "Kintsugi only follows issues events, not " + event);
        }
        JsonNode payload = read(body);
        String action = TrackerMessages.text(payload.path("action"));
        String number = TrackerMessages.text(payload.path("issue").path("number"));
        String repository = TrackerMessages.text(payload.path("repository").path("full_name"));
        if (number.isEmpty() || repository.isEmpty()) {
            return unreadable("issue.number and repository.full_name");
        }
        if (!action.equals("closed") && !action.equals("reopened")) {
            return new Result(Outcome.IGNORED, "Kintsugi only follows issues being closed or reopened");
        }
        boolean closed = action.equals("closed");
        String state = TrackerMessages.text(payload.path("issue").path("state"));
        return reported(
                TrackerKind.GITHUB,
                TrackerDeliveries.id(delivery, body),
                repository.toLowerCase(Locale.ROOT),
                number,
                new TicketState(state.isEmpty() ? (closed ? "closed" : "open") : state, closed));
    }

    /**
     * Handle a GitLab webhook: issue events whose action is close or reopen, or whose state is closed or opened. A
     * delivery ({@code Idempotency-Key}, else {@code X-Gitlab-Event-UUID}) taken before is a duplicate.
     */
    public Result gitlab(byte[] body, @Nullable String token, @Nullable String event, @Nullable String delivery) {
        if (!Signatures.same(configuration.webhookSecret(TrackerKind.GITLAB), token)) {
            return unverified(TrackerKind.GITLAB, "X-Gitlab-Token");
        }
        if (event == null || !GITLAB_ISSUE_EVENTS.contains(event)) {
            return new Result(Outcome.IGNORED, "Kintsugi only follows issue events, not " + event);
        }
        JsonNode payload = read(body);
        JsonNode issue = payload.path("object_attributes");
        String iid = TrackerMessages.text(issue.path("iid"));
        String project = TrackerMessages.text(payload.path("project").path("id"));
        if (project.isEmpty()) {
            project = TrackerMessages.text(issue.path("project_id"));
        }
        if (iid.isEmpty() || project.isEmpty()) {
            return unreadable("object_attributes.iid and project.id");
        }
        String action = TrackerMessages.text(issue.path("action"));
        String state = TrackerMessages.text(issue.path("state"));
        boolean closed = action.equals("close") || (!action.equals("reopen") && state.equals("closed"));
        boolean opened = action.equals("reopen") || (!action.equals("close") && state.equals("opened"));
        if (!closed && !opened) {
            return new Result(Outcome.IGNORED, "The event says neither closed nor opened");
        }
        return reported(
                TrackerKind.GITLAB,
                TrackerDeliveries.id(delivery, body),
                project,
                iid,
                new TicketState(state.isEmpty() ? (closed ? "closed" : "opened") : state, closed));
    }

    /**
     * Handle a Jira Cloud admin webhook signed with a secret: the issue's status category says done or not. A delivery
     * ({@code X-Atlassian-Webhook-Identifier}, else the same payload) taken before is a duplicate.
     */
    public Result jira(byte[] body, @Nullable String signature, @Nullable String delivery) {
        if (!Signatures.signedBy(configuration.webhookSecret(TrackerKind.JIRA), body, signature)) {
            return unverified(TrackerKind.JIRA, "X-Hub-Signature");
        }
        JsonNode payload = read(body);
        JsonNode issue = payload.path("issue");
        String key = TrackerMessages.text(issue.path("key"));
        JsonNode status = issue.path("fields").path("status");
        if (payload.isMissingNode()) {
            return unreadable("JSON");
        }
        if (key.isEmpty() || status.isMissingNode()) {
            return new Result(Outcome.IGNORED, "Kintsugi only follows issue events that carry the issue's status");
        }
        String project =
                TrackerMessages.text(issue.path("fields").path("project").path("key"));
        if (project.isEmpty() && key.contains("-")) {
            project = key.substring(0, key.lastIndexOf('-'));
        }
        return reported(TrackerKind.JIRA, TrackerDeliveries.id(delivery, body), project, key, JiraClient.state(status));
    }

    /** Apply a ticket's state unless this delivery was taken before. */
    private Result reported(TrackerKind kind, String delivery, String project, String id, TicketState state) {
        return deliveries
                .once(kind, delivery, () -> apply(kind, project, id, state))
                .orElseGet(() -> new Result(
                        Outcome.DUPLICATE, "Delivery " + delivery + " was taken before; nothing was done again."));
    }

    private Result apply(TrackerKind kind, String project, String id, TicketState state) {
        return follower.report(kind, project, id, state)
                ? new Result(Outcome.APPLIED, "The ticket is " + state.status() + "; its action item follows.")
                : new Result(Outcome.IGNORED, "No action item in Kintsugi has this ticket.");
    }

    /** Return the payload as JSON, or a missing node when it is not JSON, which every check then finds empty. */
    private JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return json.missingNode();
        }
    }

    private static Result unverified(TrackerKind kind, String header) {
        return new Result(
                Outcome.UNVERIFIED,
                "The " + header + " header does not match the webhook secret set up for " + kind.label()
                        + " in Kintsugi (or none is set up).");
    }

    private static Result unreadable(String wanted) {
        return new Result(Outcome.UNREADABLE, "The payload lacks " + wanted + ".");
    }
}
