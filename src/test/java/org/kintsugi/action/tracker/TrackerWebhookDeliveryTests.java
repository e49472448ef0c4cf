package org.kintsugi.action.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kintsugi.action.ActionStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A delivery a tracker sends twice (a retry, a redelivery, a replay) is acted on once. */
@TrackerAppTest
class TrackerWebhookDeliveryTests extends TrackerTestSupport {

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGitHubDeliverySentAgainIsADuplicateAndDoesNotUndoALaterChange() throws Exception {
        long id = inProgress("Stage config pushes by region");
        send(id, "github");
        String closed = githubIssues("closed");
        String delivery = UUID.randomUUID().toString();

        assertThat(result(githubHook(closed, delivery))).isEqualTo("applied");
        assertThat(result(githubHook(githubIssues("reopened"), UUID.randomUUID().toString())))
                .isEqualTo("applied");
        assertThat(actions.find(id).status()).isEqualTo(ActionStatus.IN_PROGRESS);

        var again = githubHook(closed, delivery);
        assertThat(again).hasStatusOk();
        assertThat(result(again)).isEqualTo("duplicate");
        assertThat(message(again)).contains(delivery);
        assertThat(actions.find(id).status()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(history(id)).filteredOn(h -> h.startsWith("done")).hasSize(1);
    }

    @Test
    void twoIdenticalDeliveriesAtOnceAreActedOnOnce() throws Exception {
        long id = inProgress("Stage config pushes by region");
        send(id, "github");
        String closed = githubIssues("closed");
        String delivery = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<MvcTestResult>> sent = List.of(
                    pool.submit(() -> {
                        start.await();
                        return githubHook(closed, delivery);
                    }),
                    pool.submit(() -> {
                        start.await();
                        return githubHook(closed, delivery);
                    }));
            start.countDown();
            List<String> results =
                    List.of(result(sent.get(0).get()), result(sent.get(1).get()));
            assertThat(results).containsExactlyInAnyOrder("applied", "duplicate");
        }
        assertThat(actions.find(id).status()).isEqualTo(ActionStatus.DONE);
        assertThat(history(id)).filteredOn(h -> h.startsWith("done")).hasSize(1);
    }

    @Test
    void aGitLabDeliveryIsKnownByItsEventUuid() throws Exception {
        long id = inProgress("Alert on pushes to two regions");
        send(id, "gitlab");
        String uuid = UUID.randomUUID().toString();
        String close = TrackerSyncTests.issueHook("close", "closed", 1);
        assertThat(result(gitlabHook(close, uuid))).isEqualTo("applied");
        assertThat(result(gitlabHook(
                        TrackerSyncTests.issueHook("reopen", "opened", 1),
                        UUID.randomUUID().toString())))
                .isEqualTo("applied");
        assertThat(result(gitlabHook(close, uuid))).isEqualTo("duplicate");
        assertThat(actions.find(id).status()).isEqualTo(ActionStatus.IN_PROGRESS);
    }

    @Test
    void aJiraPayloadWithoutAnIdentifierIsKnownByItsContent() throws Exception {
        long id = inProgress("Document the staged rollout");
        send(id, "jira");
        String done = jiraEvent(1764000000000L, "done");
        assertThat(result(jiraHook(done, null))).isEqualTo("applied");
        assertThat(result(jiraHook(jiraEvent(1764000100000L, "new"), null))).isEqualTo("applied");
        assertThat(result(jiraHook(done, null))).isEqualTo("duplicate");
        assertThat(actions.find(id).status()).isEqualTo(ActionStatus.IN_PROGRESS);
    }

    @Test
    void aJiraDeliveryIsKnownByItsWebhookIdentifier() throws Exception {
        long id = inProgress("Document the staged rollout");
        send(id, "jira");
        assertThat(result(jiraHook(jiraEvent(1764000000000L, "done"), "1b2c3d4e-5f60")))
                .isEqualTo("applied");
        jira.done("OPS-1", false);
        jobs.poll();
        assertThat(actions.find(id).status()).isEqualTo(ActionStatus.IN_PROGRESS);
        // A retry of the same delivery; Jira says so with the identifier, whatever the body.
        assertThat(result(jiraHook(jiraEvent(1764000000001L, "done"), "1b2c3d4e-5f60")))
                .isEqualTo("duplicate");
        assertThat(actions.find(id).status()).isEqualTo(ActionStatus.IN_PROGRESS);
    }

    @Test
    void deliveriesAreForgottenAfterTheWindow() throws Exception {
        long id = inProgress("Stage config pushes by region");
        send(id, "github");
        String delivery = UUID.randomUUID().toString();
        String closed = githubIssues("closed");
        assertThat(result(githubHook(closed, delivery))).isEqualTo("applied");
        assertThat(count(delivery)).isOne();

        clock.advance(Duration.ofHours(23));
        jobs.forgetOldDeliveries();
        assertThat(count(delivery)).isOne();
        assertThat(result(githubHook(closed, delivery))).isEqualTo("duplicate");

        clock.advance(Duration.ofHours(2));
        jobs.forgetOldDeliveries();
        assertThat(count(delivery)).isZero();
        assertThat(result(githubHook(closed, delivery))).isNotEqualTo("duplicate");
    }

    private int count(String delivery) {
        return jdbc.queryForObject(
                "select count(*) from tracker_deliveries where delivery_id = ?", Integer.class, delivery);
    }

    /** GitHub's own example of an issues event, pointed at this test's repository and issue 1. */
    private String githubIssues(String action) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/tracker/github-issues-reopened.json")) {
            ObjectNode payload = (ObjectNode) json.readTree(in);
            payload.put("action", action);
            ObjectNode issue = (ObjectNode) payload.get("issue");
            issue.put("number", 1);
            issue.put("state", action.equals("closed") ? "closed" : "open");
            ((ObjectNode) payload.get("repository")).put("full_name", "acme/ops");
            return json.writeValueAsString(payload);
        }
    }

    private static String jiraEvent(long timestamp, String category) {
        return """
                {"timestamp": %d, "webhookEvent": "jira:issue_updated", "issue_event_type_name": "issue_generic",
                 "issue": {"id": "10001", "key": "OPS-1", "fields": {
                   "project": {"key": "OPS"},
                   "status": {"name": "%s", "statusCategory": {"key": "%s"}}}}}""".formatted(timestamp, category.equals("done") ? "Done" : "To Do", category);
    }

    private MvcTestResult githubHook(String payload, String delivery) {
        return mvc.post()
                .uri("/api/v1/trackers/github/webhook")
                .header("X-GitHub-Event", "issues")
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", "sha256=" + TrackerSyncTests.hmac(GITHUB_SECRET, payload))
                .contentType(MediaType.APPLICATION_JSON)
                .content(payload)
                .exchange();
    }

    private MvcTestResult gitlabHook(String payload, String uuid) {
        return mvc.post()
                .uri("/api/v1/trackers/gitlab/webhook")
                .header("X-Gitlab-Event", "Issue Hook")
                .header("X-Gitlab-Event-UUID", uuid)
                .header("X-Gitlab-Token", GITLAB_SECRET)
                .contentType(MediaType.APPLICATION_JSON)
                .content(payload)
                .exchange();
    }

    private MvcTestResult jiraHook(String payload, @Nullable String identifier) {
        var request = mvc.post()
                .uri("/api/v1/trackers/jira/webhook")
                .header("X-Hub-Signature", "sha256=" + TrackerSyncTests.hmac(JIRA_SECRET, payload))
                .contentType(MediaType.APPLICATION_JSON)
                .content(payload);
        if (identifier != null) {
            request = request.header("X-Atlassian-Webhook-Identifier", identifier);
        }
        return request.exchange();
    }

    private static String result(MvcTestResult hook) throws Exception {
        assertThat(hook).hasStatusOk();
        return JsonPath.read(hook.getResponse().getContentAsString(), "$.result");
    }

    private static String message(MvcTestResult hook) throws Exception {
        return JsonPath.read(hook.getResponse().getContentAsString(), "$.message");
    }
}
