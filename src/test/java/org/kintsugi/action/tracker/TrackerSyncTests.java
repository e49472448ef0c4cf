package org.kintsugi.action.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.action.ActionStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@TrackerAppTest
class TrackerSyncTests extends TrackerTestSupport {

    @Nested
    @DisplayName("Sending an item")
    class Sending {

        @Test
        void createsAGitHubIssueAndKeepsItsKeyAndAddress() throws Exception {
            long id = inProgress("Stage config pushes by region");
            var sent = send(id, "github");
            assertThat(sent).hasStatus(HttpStatus.CREATED);
            assertThat(sent).bodyJson().extractingPath("$.key").isEqualTo("acme/ops#1");
            assertThat(sent).bodyJson().extractingPath("$.url").isEqualTo("https://github.com/acme/ops/issues/1");
            assertThat(sent).bodyJson().extractingPath("$.state").isEqualTo("sent");
            assertThat(github.mismatches).isEmpty();
            var created = github.requests("POST").getFirst();
            assertThat(created.rawPath()).isEqualTo("/repos/acme/ops/issues");
            assertThat(created.header("Authorization")).isEqualTo("Bearer " + GITHUB_TOKEN);
            String body = (String) github.issue(1).get("body");
            assertThat(github.issue(1)).containsEntry("title", "Stage config pushes by region");
            assertThat(body)
                    .contains("Pushes went to every region at once.")
                    .contains("**Owner:** " + member.displayName())
                    .contains("**Due:** " + actions.find(id).dueDate())
                    .contains("**Priority:** P2")
                    .contains("**How we will know it worked:** No push reaches two regions at once")
                    .contains("https://kintsugi.example/actions/" + id);
            assertThat(link(id)).bodyJson().extractingPath("$.remoteStatus").isEqualTo("open");
        }

        @Test
        void createsAGitLabIssueInAProjectNamedByItsEncodedPath() {
            long id = inProgress("Alert on pushes to two regions");
            var sent = send(id, "gitlab");
            assertThat(sent).hasStatus(HttpStatus.CREATED);
            assertThat(sent).bodyJson().extractingPath("$.key").isEqualTo("acme/ops#1");
            assertThat(sent).bodyJson().extractingPath("$.url").isEqualTo("https://gitlab.example/acme/ops/-/issues/1");
            assertThat(gitlab.mismatches).isEmpty();
            var created = gitlab.requests("POST").getFirst();
            assertThat(created.rawPath()).isEqualTo("/api/v4/projects/acme%2Fops/issues");
            assertThat(created.header("PRIVATE-TOKEN")).isEqualTo(GITLAB_TOKEN);
            assertThat((String) gitlab.issue(1).get("description"))
                    .contains("**Owner:** " + member.displayName())
                    .contains("https://kintsugi.example/actions/" + id);
        }

        @Test
        void createsAJiraIssueWhoseDescriptionIsAnAtlassianDocument() {
            long id = inProgress("Document the staged rollout");
            var sent = send(id, "jira");
            assertThat(sent).hasStatus(HttpStatus.CREATED);
            assertThat(sent).bodyJson().extractingPath("$.key").isEqualTo("OPS-1");
            assertThat(sent).bodyJson().extractingPath("$.url").isEqualTo(jira.url() + "/browse/OPS-1");
            assertThat(jira.mismatches).isEmpty();
            var fields = jira.fields("OPS-1");
            assertThat(fields.path("summary").stringValue()).isEqualTo("Document the staged rollout");
            assertThat(fields.path("issuetype").path("name").stringValue()).isEqualTo("Task");
            String description = fields.path("description").toString();
            assertThat(description)
                    .contains("\"type\":\"doc\"")
                    .contains("Pushes went to every region at once.")
                    .contains(member.displayName())
                    .contains(
                            "{\"type\":\"link\",\"attrs\":{\"href\":\"https://kintsugi.example/actions/" + id + "\"}}");
        }

        @Test
        void refusesASecondTicketAnUnknownOrUnsetTrackerAndADroppedItem() {
            long id = inProgress("Stage config pushes by region");
            assertThat(send(id, "github")).hasStatus(HttpStatus.CREATED);
            var again = send(id, "gitlab");
            assertThat(again).hasStatus(HttpStatus.CONFLICT);
            assertThat(again).bodyJson().extractingPath("$.detail").asString().contains("acme/ops#1");

            long other = inProgress("Alert on pushes to two regions");
            var unknown = send(other, "trello");
            assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(unknown).bodyJson().extractingPath("$.errors[0].field").isEqualTo("tracker");
            configuration.change(
                    TrackerKind.GITLAB,
                    new TrackerSettingsChange(false, null, null, null, null, null, null),
                    author(admin));
            var unset = send(other, "gitlab");
            assertThat(unset).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(unset).bodyJson().extractingPath("$.errors[0].field").isEqualTo("tracker");
            assertThat(unset)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .asString()
                    .contains("not set up");

            actions.drop(other, "Merged into the staging item.", author(member));
            assertThat(send(other, "github")).hasStatus(HttpStatus.CONFLICT);
            assertThat(link(other)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(gitlab.requests).isEmpty();
        }

        @Test
        void aRefusalByTheTrackerIsShownAndSendingAgainStartsOver() {
            configuration.change(
                    TrackerKind.GITHUB,
                    new TrackerSettingsChange(null, null, null, "ghp_revoked", null, null, null),
                    author(admin));
            long id = inProgress("Stage config pushes by region");
            var refused = send(id, "github");
            assertThat(refused).hasStatus(HttpStatus.BAD_GATEWAY);
            assertThat(refused)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .asString()
                    .contains("401")
                    .contains("Bad credentials");
            var failed = link(id);
            assertThat(failed).bodyJson().extractingPath("$.state").isEqualTo("failed");
            assertThat(failed)
                    .bodyJson()
                    .extractingPath("$.lastError")
                    .asString()
                    .isEqualTo("GitHub answered 401 Unauthorized: Bad credentials");
            clock.advance(Duration.ofHours(2));
            jobs.retryDue();
            assertThat(github.requests).hasSize(1);

            configuration.change(
                    TrackerKind.GITHUB,
                    new TrackerSettingsChange(null, null, null, GITHUB_TOKEN, null, null, null),
                    author(admin));
            var resent = send(id, "github");
            assertThat(resent).hasStatus(HttpStatus.CREATED);
            assertThat(resent).bodyJson().extractingPath("$.key").isEqualTo("acme/ops#1");
        }
    }

    @Nested
    @DisplayName("A tracker that is down")
    class Outage {

        @Test
        void keepsTheRequestPendingWithTheErrorAndSendsItOnceTheTrackerIsBack() {
            github.failWith(503, Map.of());
            long id = inProgress("Stage config pushes by region");
            Instant sentAt = clock.instant();
            var pending = send(id, "github");
            assertThat(pending).hasStatus(HttpStatus.ACCEPTED);
            assertThat(pending).bodyJson().extractingPath("$.state").isEqualTo("pending");
            assertThat(pending).bodyJson().extractingPath("$.attempts").isEqualTo(1);
            assertThat(pending)
                    .bodyJson()
                    .extractingPath("$.lastError")
                    .asString()
                    .startsWith("GitHub answered 503 Service Unavailable");
            assertThat(pending)
                    .bodyJson()
                    .extractingPath("$.nextAttemptAt")
                    .isEqualTo(sentAt.plus(Duration.ofMinutes(1)).toString());

            github.recover();
            jobs.retryDue();
            assertThat(github.requests("POST"))
                    .as("not due before the backoff ends")
                    .hasSize(1);

            clock.advance(Duration.ofSeconds(61));
            jobs.retryDue();
            var sent = link(id);
            assertThat(sent).bodyJson().extractingPath("$.state").isEqualTo("sent");
            assertThat(sent).bodyJson().extractingPath("$.key").isEqualTo("acme/ops#1");
            assertThat(github.requests("POST")).hasSize(2);
            jobs.retryDue();
            assertThat(github.requests("POST")).as("one ticket, never two").hasSize(2);
        }

        @Test
        void backsOffLongerAfterEachFailureAndHonoursRetryAfter() {
            github.stop();
            long id = inProgress("Stage config pushes by region");
            var pending = send(id, "github");
            assertThat(pending).hasStatus(HttpStatus.ACCEPTED);
            assertThat(pending)
                    .bodyJson()
                    .extractingPath("$.lastError")
                    .asString()
                    .isEqualTo("Could not reach GitHub at 127.0.0.1: connection refused");

            clock.advance(Duration.ofSeconds(61));
            Instant second = clock.instant();
            jobs.retryDue();
            var twice = link(id);
            assertThat(twice).bodyJson().extractingPath("$.attempts").isEqualTo(2);
            assertThat(twice)
                    .bodyJson()
                    .extractingPath("$.nextAttemptAt")
                    .isEqualTo(second.plus(Duration.ofMinutes(2)).toString());

            github.restart();
            github.failWith(429, Map.of("Retry-After", "600"));
            clock.advance(Duration.ofMinutes(2));
            Instant third = clock.instant();
            jobs.retryDue();
            var limited = link(id);
            assertThat(limited).bodyJson().extractingPath("$.attempts").isEqualTo(3);
            assertThat(limited)
                    .bodyJson()
                    .extractingPath("$.nextAttemptAt")
                    .isEqualTo(third.plus(Duration.ofMinutes(10)).toString());

            github.recover();
            clock.advance(Duration.ofMinutes(10));
            jobs.retryDue();
            assertThat(link(id)).bodyJson().extractingPath("$.state").isEqualTo("sent");
            assertThat(link(id)).bodyJson().extractingPath("$.lastError").isNull();
        }

        @Test
        void aPollThatCannotReachTheTrackerIsShownAndTheNextOneClearsIt() {
            long id = inProgress("Document the staged rollout");
            send(id, "jira");
            jira.failWith(503, Map.of());
            jobs.poll();
            assertThat(link(id))
                    .bodyJson()
                    .extractingPath("$.syncProblem")
                    .asString()
                    .contains("Jira answered 503");
            jira.recover();
            jira.done("OPS-1", true);
            jobs.poll();
            assertThat(link(id)).bodyJson().extractingPath("$.syncProblem").isNull();
            assertThat(actions.find(id).status()).isEqualTo(ActionStatus.DONE);
        }
    }

    @Nested
    @DisplayName("A ticket's state coming back")
    class StateBack {

        @Test
        void aGitHubWebhookClosingTheIssueCompletesTheItemAndReopeningReopensIt() {
            long id = inProgress("Stage config pushes by region");
            send(id, "github");
            var ping = githubHook("ping", "{\"zen\": \"Keep it logically awesome.\", \"hook_id\": 1}", GITHUB_SECRET);
            assertThat(ping).hasStatusOk();

            assertThat(githubHook("issues", issuesEvent("closed", 1), GITHUB_SECRET))
                    .hasStatusOk();
            assertThat(actions.find(id).status()).isEqualTo(ActionStatus.DONE);
            assertThat(history(id)).last().isEqualTo("done by GitHub issue acme/ops#1");
            assertThat(link(id)).bodyJson().extractingPath("$.remoteStatus").isEqualTo("closed");

            github.close(1);
            jobs.poll();
            assertThat(history(id))
                    .as("a poll reporting the same state changes nothing")
                    .filteredOn(h -> h.startsWith("done"))
                    .hasSize(1);

            assertThat(githubHook("issues", issuesEvent("reopened", 1), GITHUB_SECRET))
                    .hasStatusOk();
            assertThat(actions.find(id).status()).isEqualTo(ActionStatus.IN_PROGRESS);
            assertThat(history(id)).last().isEqualTo("reopened by GitHub issue acme/ops#1");
        }

        @Test
        void aGitHubWebhookWithABadSignatureIsRefusedAndChangesNothing() {
            long id = inProgress("Stage config pushes by region");
            send(id, "github");
            var forged = githubHook("issues", issuesEvent("closed", 1), "not-the-secret");
            assertThat(forged).hasStatus(HttpStatus.UNAUTHORIZED);
            var unsigned = mvc.post()
                    .uri("/api/v1/trackers/github/webhook")
                    .header("X-GitHub-Event", "issues")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(issuesEvent("closed", 1))
                    .exchange();
            assertThat(unsigned).hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(actions.find(id).status()).isEqualTo(ActionStatus.IN_PROGRESS);
            assertThat(link(id)).bodyJson().extractingPath("$.remoteClosed").isEqualTo(false);
        }

        @Test
        void aGitLabWebhookNeedsTheSecretTokenAndThenClosesTheItem() {
            long id = inProgress("Alert on pushes to two regions");
            send(id, "gitlab");
            var wrong = gitlabHook(issueHook("close", "closed", 1), "wrong-token");
            assertThat(wrong).hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(actions.find(id).status()).isEqualTo(ActionStatus.IN_PROGRESS);

            assertThat(gitlabHook(issueHook("close", "closed", 1), GITLAB_SECRET))
                    .hasStatusOk();
            assertThat(actions.find(id).status()).isEqualTo(ActionStatus.DONE);
            assertThat(history(id)).last().isEqualTo("done by GitLab issue acme/ops#1");
            assertThat(gitlabHook(issueHook("reopen", "opened", 1), GITLAB_SECRET))
                    .hasStatusOk();
            assertThat(actions.find(id).status()).isEqualTo(ActionStatus.IN_PROGRESS);
        }

        @Test
        void pollingPicksUpAJiraTicketClosedAndReopened() {
            long id = inProgress("Document the staged rollout");
            send(id, "jira");
            jobs.poll();
            assertThat(actions.find(id).status()).isEqualTo(ActionStatus.IN_PROGRESS);
            assertThat(link(id)).bodyJson().extractingPath("$.remoteStatus").isEqualTo("To Do");

            jira.done("OPS-1", true);
            jobs.poll();
            jobs.poll();
            assertThat(actions.find(id).status()).isEqualTo(ActionStatus.DONE);
            assertThat(history(id)).filteredOn(h -> h.startsWith("done")).containsExactly("done by Jira issue OPS-1");
            var synced = link(id);
            assertThat(synced).bodyJson().extractingPath("$.remoteStatus").isEqualTo("Done");
            assertThat(synced)
                    .bodyJson()
                    .extractingPath("$.lastSyncedAt")
                    .isEqualTo(clock.instant().toString());
            assertThat(jira.mismatches).isEmpty();

            jira.done("OPS-1", false);
            jobs.poll();
            assertThat(actions.find(id).status()).isEqualTo(ActionStatus.IN_PROGRESS);
        }

        @Test
        void aJiraWebhookSignedWithTheSecretClosesTheItem() {
            long id = inProgress("Document the staged rollout");
            send(id, "jira");
            String event = """
                    {"timestamp": 1764000000000, "webhookEvent": "jira:issue_updated",
                     "issue": {"id": "10001", "key": "OPS-1", "fields": {
                       "project": {"key": "OPS"},
                       "status": {"name": "Done", "statusCategory": {"id": 3, "key": "done", "name": "Done"}}}}}""";
            var forged = mvc.post()
                    .uri("/api/v1/trackers/jira/webhook")
                    .header("X-Hub-Signature", "sha256=" + hmac("guess", event))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(event)
                    .exchange();
            assertThat(forged).hasStatus(HttpStatus.UNAUTHORIZED);
            var signed = mvc.post()
                    .uri("/api/v1/trackers/jira/webhook")
                    .header("X-Hub-Signature", "sha256=" + hmac(JIRA_SECRET, event))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(event)
                    .exchange();
            assertThat(signed).hasStatusOk();
            assertThat(actions.find(id).status()).isEqualTo(ActionStatus.DONE);
        }

        @Test
        void aTicketClosedWhileTheItemIsProposedIsNotedButNotForced() {
            long id = proposed("Stage config pushes by region");
            send(id, "github");
            github.close(1);
            jobs.poll();
            assertThat(actions.find(id).status()).isEqualTo(ActionStatus.PROPOSED);
            var noted = link(id);
            assertThat(noted).bodyJson().extractingPath("$.remoteClosed").isEqualTo(true);
            assertThat(noted)
                    .bodyJson()
                    .extractingPath("$.note")
                    .asString()
                    .contains("closed", "still proposed", "did not mark it done");
        }

        @Test
        void aWebhookForATicketNoItemHasIsAcknowledgedAndIgnored() throws Exception {
            var ignored = githubHook("issues", issuesEvent("closed", 99), GITHUB_SECRET);
            assertThat(ignored).hasStatusOk();
            assertThat((String) JsonPath.read(ignored.getResponse().getContentAsString(), "$.result"))
                    .isEqualTo("ignored");
        }
    }

    MvcTestResult githubHook(String event, String payload, String secret) {
        return mvc.post()
                .uri("/api/v1/trackers/github/webhook")
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", java.util.UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + hmac(secret, payload))
                .contentType(MediaType.APPLICATION_JSON)
                .content(payload)
                .exchange();
    }

    MvcTestResult gitlabHook(String payload, String token) {
        return mvc.post()
                .uri("/api/v1/trackers/gitlab/webhook")
                .header("X-Gitlab-Event", "Issue Hook")
                .header("X-Gitlab-Token", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(payload)
                .exchange();
    }

    /** An {@code issues} event as GitHub documents it, trimmed to what matters. */
    static String issuesEvent(String action, int number) {
        return """
                {"action": "%s",
                 "issue": {"number": %d, "title": "Stage config pushes by region", "state": "%s",
                           "html_url": "https://github.com/acme/ops/issues/%d"},
                 "repository": {"id": 1296269, "name": "ops", "full_name": "Acme/ops"},
                 "sender": {"login": "ada"}}""".formatted(action, number, action.equals("closed") ? "closed" : "open", number);
    }

    /** An Issue Hook as GitLab documents it, trimmed to what matters. */
    static String issueHook(String action, String state, int iid) {
        return """
                {"object_kind": "issue", "event_type": "issue",
                 "user": {"username": "ada"},
                 "project": {"id": 42, "name": "ops", "path_with_namespace": "acme/ops"},
                 "object_attributes": {"id": 80001, "iid": %d, "project_id": 42, "title": "Alert",
                                       "state": "%s", "action": "%s"}}""".formatted(iid, state, action);
    }

    static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
