package org.kintsugi.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.review.PostmortemReview;
import org.kintsugi.support.ChatServer;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.MovableClock;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A published postmortem reaches chat channels through their incoming webhooks, each in its documented shape, checked
 * here by local HTTP servers; a channel that is down is tried again with backoff, shown as failed with its error, and
 * sent to once when it is back.
 */
@KintsugiAppTest
@Import(MovableClock.Config.class)
class SharingWebhooksTests {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("kintsugi.sharing.retry-cron", () -> "-");
        registry.add("kintsugi.base-url", () -> "https://kintsugi.example.org");
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MovableClock clock;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    PostmortemReview review;

    @Autowired
    ChannelManagement channels;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    UserManagement users;

    ChatServer chat;
    UserView owner;
    UserView reviewer;

    @BeforeEach
    void aChatServerAndTwoPeople() {
        chat = new ChatServer();
        owner = people.member();
        reviewer = people.member();
    }

    @AfterEach
    void removeTheChannels() {
        channels.list().forEach(c -> channels.remove(c.id(), null));
        chat.close();
    }

    MvcTestResult addChannel(String name, String format, String url, String filter) {
        return mvc.post()
                .uri("/api/v1/sharing/channels")
                .with(httpBasic(TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"%s\", \"format\": \"%s\", \"url\": \"%s\", %s}"
                        .formatted(name, format, url, filter))
                .exchange();
    }

    PostmortemView publish(String title, Severity severity, String team, String service) {
        return SharingFixtures.published(
                incidents, postmortems, review, owner, reviewer, title, severity, team, service, clock.instant());
    }

    @Test
    void aPublishedPostmortemReachesSlackMattermostAndTeamsInTheirDocumentedShapes() {
        assertThat(addChannel("Slack #incidents", "slack", chat.url("slack"), "\"scope\": \"all\""))
                .hasStatus(201);
        assertThat(addChannel("Mattermost town square", "mattermost", chat.url("mattermost"), "\"scope\": \"all\""))
                .hasStatus(201);
        assertThat(addChannel("Teams Ops", "teams", chat.url("teams"), "\"scope\": \"all\""))
                .hasStatus(201);

        PostmortemView published = publish("Certificate expired on checkout", Severity.SEV2, "Payments", "checkout");

        await().atMost(Duration.ofSeconds(20)).until(() -> chat.bodies().size() == 3);
        String link = "https://kintsugi.example.org/postmortems/" + published.id();
        String slack = body("\"blocks\"");
        assertThat((String) JsonPath.read(slack, "$.text")).contains("Certificate expired on checkout", link);
        assertThat((List<String>) JsonPath.read(slack, "$.blocks[*].type"))
                .containsExactly("header", "section", "context");
        assertThat((String) JsonPath.read(slack, "$.blocks[0].text.type")).isEqualTo("plain_text");
        assertThat((String) JsonPath.read(slack, "$.blocks[0].text.text")).isEqualTo("Certificate expired on checkout");
        assertThat((String) JsonPath.read(slack, "$.blocks[1].text.type")).isEqualTo("mrkdwn");
        // Markdown's **bold** and links become Slack's mrkdwn.
        assertThat((String) JsonPath.read(slack, "$.blocks[1].text.text"))
                .contains("an alert *before* they expire", "<" + link + "|Read it in Kintsugi>")
                .doesNotContain("**");
        assertThat((String) JsonPath.read(slack, "$.blocks[2].elements[0].text"))
                .contains("SEV2", "Payments", "checkout");

        String mattermost = body("\"username\"");
        assertThat(JsonPath.<Map<String, Object>>read(mattermost, "$")).containsOnlyKeys("text", "username");
        assertThat((String) JsonPath.read(mattermost, "$.text"))
                .startsWith("#### [Certificate expired on checkout](" + link + ")")
                .contains("**before**", "Checkout failed for an hour");

        String teams = body("\"attachments\"");
        assertThat((String) JsonPath.read(teams, "$.type")).isEqualTo("message");
        assertThat((List<?>) JsonPath.read(teams, "$.attachments")).hasSize(1);
        assertThat((String) JsonPath.read(teams, "$.attachments[0].contentType"))
                .isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat((String) JsonPath.read(teams, "$.attachments[0].content.type"))
                .isEqualTo("AdaptiveCard");
        assertThat((String) JsonPath.read(teams, "$.attachments[0].content.version"))
                .isEqualTo("1.4");
        assertThat((String) JsonPath.read(teams, "$.attachments[0].content.body[0].text"))
                .isEqualTo("Certificate expired on checkout");
        assertThat((String) JsonPath.read(teams, "$.attachments[0].content.actions[0].type"))
                .isEqualTo("Action.OpenUrl");
        assertThat((String) JsonPath.read(teams, "$.attachments[0].content.actions[0].url"))
                .isEqualTo(link);
        assertThat(chat.contentTypes()).allMatch(type -> type.startsWith("application/json"));
    }

    @Test
    void aChannelGetsOnlyWhatItsFilterWants() {
        assertThat(addChannel(
                        "Payments only",
                        "mattermost",
                        chat.url("payments"),
                        "\"scope\": \"teams\", \"items\": [\"payments\"]"))
                .hasStatus(201);
        assertThat(addChannel(
                        "SEV1 only",
                        "mattermost",
                        chat.url("sev1"),
                        "\"scope\": \"severities\", \"items\": [\"sev1\"]"))
                .hasStatus(201);

        publish("Search slow for an afternoon", Severity.SEV3, "Search", "search-api");
        publish("Refunds stuck", Severity.SEV3, "Payments", "refunds");

        await().atMost(Duration.ofSeconds(20)).until(() -> chat.bodies().size() == 1);
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(chat.bodies()).singleElement().asString().contains("Refunds stuck");
    }

    @Test
    void aChannelThatIsDownIsTriedAgainWithBackoffShownAsFailedAndSentOnceWhenBack() throws Exception {
        chat.answer(500);
        MvcTestResult added = addChannel("Slack down", "slack", chat.url("down"), "\"scope\": \"all\"");
        long channel = ((Number) JsonPath.read(added.getResponse().getContentAsString(), "$.id")).longValue();

        publish("Queue backed up", Severity.SEV2, "Platform", "queue");

        // The first try fails; the API shows the failure with the channel's answer, and the next try in a minute.
        String failed = await().atMost(Duration.ofSeconds(20))
                .until(this::failedDeliveries, json -> json.contains("Queue backed up"));
        assertThat((String) JsonPath.read(failed, "$[0].state")).isEqualTo("FAILED");
        assertThat((String) JsonPath.read(failed, "$[0].to")).isEqualTo("Slack down");
        assertThat((Integer) JsonPath.read(failed, "$[0].attempts")).isEqualTo(1);
        assertThat((String) JsonPath.read(failed, "$[0].lastError")).contains("HTTP 500", "the channel is down");
        Instant next = Instant.parse(JsonPath.read(failed, "$[0].nextAttemptAt"));
        assertThat(Duration.between(clock.instant(), next)).isBetween(Duration.ofSeconds(50), Duration.ofMinutes(1));

        // Not due yet: nothing is tried. A minute later it fails again and waits five.
        assertThat(dispatcher.dispatchDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.dispatchDue()).isZero();
        String second = failedDeliveries();
        assertThat((Integer) JsonPath.read(second, "$[0].attempts")).isEqualTo(2);
        assertThat(Duration.between(clock.instant(), Instant.parse(JsonPath.read(second, "$[0].nextAttemptAt"))))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(channels.find(channel).failing()).isEqualTo(1);
        assertThat(mvc.get().uri("/admin/sharing").with(user(KintsugiPrincipal.of(admin()))))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Queue backed up",
                        "Slack down",
                        "HTTP 500: the channel is down",
                        "2 attempts",
                        "1 failing",
                        "Retry now");

        // Back up: the next due try delivers it, once; later rounds send nothing more.
        chat.answer(200);
        clock.advance(Duration.ofMinutes(5));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        clock.advance(Duration.ofHours(3));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(chat.bodies()).singleElement().asString().contains("Queue backed up");
        assertThat(failedDeliveries()).isEqualTo("[]");
        assertThat(channels.find(channel).failing()).isZero();
    }

    @Test
    void anAdministratorRetriesAFailedDeliveryNow() throws Exception {
        chat.answer(503);
        addChannel("Teams flaky", "teams", chat.url("flaky"), "\"scope\": \"all\"");
        publish("Login loop", Severity.SEV2, "Identity", "login");
        String failed = await().atMost(Duration.ofSeconds(20))
                .until(this::failedDeliveries, json -> json.contains("Login loop"));
        long delivery = ((Number) JsonPath.read(failed, "$[0].id")).longValue();

        chat.answer(200);
        assertThat(mvc.post()
                        .uri("/api/v1/sharing/deliveries/{id}/retry", delivery)
                        .with(httpBasic(TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD)))
                .hasStatus(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> chat.bodies().size() == 1);
        assertThat(chat.bodies().getFirst()).contains("Login loop");
    }

    @Test
    void sendersRacingForTheSameDeliverySendItOnce() throws Exception {
        chat.delay(400);
        addChannel("Slow Slack", "slack", chat.url("slow"), "\"scope\": \"all\"");
        publish("Disk filled on the build agents", Severity.SEV3, "Build", "agents");

        // Four more senders (other nodes, the retry job) keep trying for a while: before the delivery is recorded,
        // while the first send waits for the slow channel, and after it went out.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> senders = new java.util.ArrayList<>();
            for (int n = 0; n < 4; n++) {
                senders.add(pool.submit(() -> {
                    long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
                    while (System.nanoTime() < until) {
                        dispatcher.dispatchDue();
                    }
                }));
            }
            for (var sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> chat.bodies().size() >= 1);
        clock.advance(Duration.ofHours(3));
        assertThat(dispatcher.dispatchDue()).isZero();
        Thread.sleep(500);
        assertThat(chat.requests()).isEqualTo(1);
        assertThat(chat.bodies()).singleElement().asString().contains("Disk filled on the build agents");
    }

    @Test
    void aChannelIsChangedOnlyAtTheVersionReadAndKeepsItsAddressWhenNoneIsSent() throws Exception {
        MvcTestResult added = addChannel("Ops", "slack", chat.url("ops"), "\"scope\": \"all\"");
        long id = ((Number) JsonPath.read(added.getResponse().getContentAsString(), "$.id")).longValue();
        assertThat(added.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
        assertThat((String) JsonPath.read(added.getResponse().getContentAsString(), "$.address"))
                .isEqualTo("http://127.0.0.1/…");
        String change = "{\"name\": \"Ops (SEV1)\", \"format\": \"teams\", \"scope\": \"severities\","
                + " \"items\": [\"SEV1\"]}";

        assertThat(put(id, change, null)).hasStatus(428);
        assertThat(put(id, change, "\"7\"")).hasStatus(412);
        MvcTestResult changed = put(id, change, "\"0\"");
        assertThat(changed).hasStatusOk();
        assertThat(changed.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        assertThat((String) JsonPath.read(changed.getResponse().getContentAsString(), "$.format"))
                .isEqualTo("TEAMS");
        // The stored address was kept: the test message reaches the same hook, now as an Adaptive Card.
        assertThat(channels.test(id).delivered()).isTrue();
        assertThat(chat.bodies()).singleElement().asString().contains("\"AdaptiveCard\"");
        assertThat(put(id, change, "\"0\"")).hasStatus(412);
    }

    @Test
    void aChannelNamesWhatIsWrongAndTheLimits() throws Exception {
        MvcTestResult wrong = addChannel("", "telegram", "javascript:alert(1)", "\"scope\": \"teams\"");
        assertThat(wrong).hasStatus(400);
        assertThat(wrong.getResponse().getContentAsString())
                .contains("name", "is required", "format", "telegram", "url", "https://", "items", "at least one team");
        MvcTestResult longName = addChannel("x".repeat(101), "slack", chat.url("x"), "\"scope\": \"all\"");
        assertThat(longName).hasStatus(400);
        assertThat(longName.getResponse().getContentAsString()).contains("at most 100");
        for (int n = 0; n < ChannelManagement.MAX_CHANNELS; n++) {
            assertThat(addChannel("Channel " + n, "slack", chat.url("c" + n), "\"scope\": \"all\""))
                    .hasStatus(201);
        }
        MvcTestResult full = addChannel("One too many", "slack", chat.url("full"), "\"scope\": \"all\"");
        assertThat(full).hasStatus(400);
        assertThat(full.getResponse().getContentAsString()).contains("sharing-channels", "50");
    }

    @Test
    void theEditFormOfAnOlderVersionComesBackWith409AndTheEditKept() throws Exception {
        MvcTestResult added = addChannel("Ops", "slack", chat.url("ops"), "\"scope\": \"all\"");
        long id = ((Number) JsonPath.read(added.getResponse().getContentAsString(), "$.id")).longValue();
        var admin = user(KintsugiPrincipal.of(admin()));
        assertThat(mvc.get().uri("/admin/sharing/channels/{id}", id).with(admin))
                .hasStatusOk()
                .bodyText()
                .contains("Edit Ops", "value=\"Ops\"", "Leave empty to keep http://127.0.0.1/…");
        assertThat(put(id, "{\"name\": \"Ops room\", \"format\": \"slack\", \"scope\": \"all\"}", "\"0\""))
                .hasStatusOk();

        MvcTestResult stale = mvc.post()
                .uri("/admin/sharing/channels/{id}", id)
                .with(admin)
                .with(csrf())
                .param("name", "Ops, SEV1 only")
                .param("format", "mattermost")
                .param("scope", "severities")
                .param("items", "SEV1")
                .param("version", "0")
                .exchange();
        assertThat(stale).hasStatus(409);
        assertThat(stale)
                .bodyText()
                .contains(
                        "Someone else changed this channel",
                        "&quot;Ops room&quot;",
                        "value=\"Ops, SEV1 only\"",
                        "name=\"version\" value=\"1\"");
        assertThat(channels.find(id).name()).isEqualTo("Ops room");

        MvcTestResult saved = mvc.post()
                .uri("/admin/sharing/channels/{id}", id)
                .with(admin)
                .with(csrf())
                .param("name", "Ops, SEV1 only")
                .param("format", "mattermost")
                .param("scope", "severities")
                .param("items", "SEV1")
                .param("version", "1")
                .exchange();
        assertThat(saved).hasStatus3xxRedirection();
        assertThat(channels.find(id).items()).containsExactly("SEV1");
        assertThat(channels.test(id).delivered()).isTrue();
    }

    MvcTestResult put(long id, String json, String ifMatch) {
        var request = mvc.put()
                .uri("/api/v1/sharing/channels/{id}", id)
                .with(httpBasic(TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.exchange();
    }

    @Test
    void aChannelNobodyAnswersAtSaysSo() {
        addChannel("Nobody home", "mattermost", "http://127.0.0.1:9/hooks/none", "\"scope\": \"all\"");
        long id = channels.list().getFirst().id();
        assertThat(channels.test(id).error())
                .isEqualTo("Could not reach 127.0.0.1: nothing answers there" + " (connection refused)");
        assertThat(channels.test(id).delivered()).isFalse();
    }

    UserView admin() {
        return users.all().stream()
                .filter(u -> u.email().equals(TestPeople.ADMIN_EMAIL))
                .findFirst()
                .orElseThrow();
    }

    String failedDeliveries() throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/sharing/deliveries?state=failed")
                .with(httpBasic(TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD))
                .exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString();
    }

    String body(String marker) {
        return chat.bodies().stream()
                .filter(b -> b.contains(marker))
                .findFirst()
                .orElseThrow();
    }
}
