package org.kintsugi.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
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
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The Atom feed, read back with ROME; who may manage channels and whose subscription one reads and changes; the
 * administrators' and the subscriptions' forms keeping what was typed; the monthly learning review.
 */
@KintsugiAppTest
class SharingPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    UserManagement users;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    PostmortemReview review;

    UserView owner;
    UserView reviewer;

    @BeforeEach
    void twoPeople() {
        owner = people.member();
        reviewer = people.member();
    }

    PostmortemView publish(String title) {
        return SharingFixtures.published(
                incidents,
                postmortems,
                review,
                owner,
                reviewer,
                title,
                Severity.SEV2,
                "Payments",
                "checkout",
                java.time.Instant.now());
    }

    String feedToken(UserView who) throws Exception {
        MvcTestResult mine = mvc.get()
                .uri("/api/v1/sharing/subscription")
                .with(httpBasic(who.email(), TestPeople.PASSWORD))
                .exchange();
        assertThat(mine).hasStatusOk();
        return JsonPath.read(mine.getResponse().getContentAsString(), "$.feedToken");
    }

    MvcTestResult feed(String token) {
        return mvc.get().uri("/feeds/postmortems.atom?token={t}", token).exchange();
    }

    static Feed parse(MvcTestResult result) throws Exception {
        return (Feed)
                new WireFeedInput().build(new StringReader(result.getResponse().getContentAsString()));
    }

    @Test
    void theFeedIsAValidAtomFeedOfPublishedPostmortemsReadWithTheTokenAlone() throws Exception {
        PostmortemView published = publish("Certificate expired on the load balancer");
        String token = feedToken(people.viewer());

        Feed feed = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> parse(feed(token)),
                        f -> f.getEntries().stream()
                                .anyMatch(e -> e.getTitle().contains("Certificate expired on the load balancer")));
        MvcTestResult result = feed(token);
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("application/atom+xml");
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).startsWith("tag:").endsWith(":postmortems");
        assertThat(feed.getTitle()).isEqualTo("Published postmortems · Kintsugi");
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getOtherLinks())
                .extracting(Link::getRel, Link::getHref)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        "self", "http://localhost:8080/feeds/postmortems.atom?token=" + token));
        assertThat(feed.getEntries()).hasSizeLessThanOrEqualTo(50);
        Entry entry = feed.getEntries().stream()
                .filter(e -> e.getTitle().contains("Certificate expired on the load balancer"))
                .findFirst()
                .orElseThrow();
        assertThat(entry.getId()).startsWith("tag:").endsWith(":postmortem:" + published.id());
        assertThat(entry.getTitle()).isEqualTo(published.incidentKey() + " · Certificate expired on the load balancer");
        assertThat(entry.getUpdated()).isNotNull();
        assertThat(entry.getPublished()).isNotNull();
        assertThat(entry.getAuthors())
                .extracting(p -> ((com.rometools.rome.feed.atom.Person) p).getName())
                .containsExactly(reviewer.displayName());
        assertThat(entry.getAlternateLinks())
                .extracting(Link::getHref)
                .containsExactly("http://localhost:8080/postmortems/" + published.id());
        assertThat(entry.getSummary().getValue()).contains("SEV2", "Payments", "checkout");
        assertThat(entry.getContents().getFirst().getType()).isEqualTo("html");
        assertThat(entry.getContents().getFirst().getValue())
                .contains("Checkout failed for an hour", "<strong>before</strong>");
    }

    @Test
    void aWrongOrMissingTokenIsRefusedAndAReplacedTokenStopsWorking() throws Exception {
        UserView reader = people.member();
        UserView other = people.member();
        String old = feedToken(reader);
        String others = feedToken(other);
        assertThat(feed(old)).hasStatusOk();
        assertThat(mvc.get().uri("/feeds/postmortems.atom").exchange()).hasStatus(401);
        assertThat(feed("not-a-token-anyone-has")).hasStatus(404);

        MvcTestResult renewed = mvc.post()
                .uri("/api/v1/sharing/subscription/feed-token")
                .with(httpBasic(reader.email(), TestPeople.PASSWORD))
                .exchange();
        assertThat(renewed).hasStatusOk();
        String fresh = JsonPath.read(renewed.getResponse().getContentAsString(), "$.feedToken");
        assertThat(fresh).isNotEqualTo(old);
        assertThat(feed(old)).hasStatus(404);
        assertThat(feed(fresh)).hasStatusOk();
        assertThat(feed(others)).hasStatusOk();
    }

    @Test
    void membersCannotManageChannelsAndEachPersonReadsAndChangesOnlyTheirOwnSubscription() throws Exception {
        UserView member = people.member();
        assertThat(mvc.get().uri("/api/v1/sharing/channels").with(httpBasic(member.email(), TestPeople.PASSWORD)))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/api/v1/sharing/channels")
                        .with(httpBasic(member.email(), TestPeople.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"format\": \"slack\", \"url\": \"https://example.org/h\"}"))
                .hasStatus(403);
        assertThat(mvc.get().uri("/admin/sharing").with(user(KintsugiPrincipal.of(member))))
                .hasStatus(403);

        UserView alice = people.member();
        UserView bob = people.viewer();
        assertThat(mvc.put()
                        .uri("/api/v1/sharing/subscription")
                        .with(httpBasic(alice.email(), TestPeople.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\": \"teams\", \"items\": [\"Payments\"]}"))
                .hasStatusOk();
        assertThat(mvc.put()
                        .uri("/api/v1/sharing/subscription")
                        .with(httpBasic(bob.email(), TestPeople.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\": \"all\"}"))
                .hasStatusOk();
        String alices = mvc.get()
                .uri("/api/v1/sharing/subscription")
                .with(httpBasic(alice.email(), TestPeople.PASSWORD))
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat((Integer) JsonPath.read(alices, "$.personId")).isEqualTo((int) alice.id());
        assertThat((String) JsonPath.read(alices, "$.scope")).isEqualTo("TEAMS");
        assertThat((String) JsonPath.read(alices, "$.items[0]")).isEqualTo("Payments");
        // A stale If-Match is refused, not applied.
        assertThat(mvc.put()
                        .uri("/api/v1/sharing/subscription")
                        .with(httpBasic(alice.email(), TestPeople.PASSWORD))
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\": \"none\"}"))
                .hasStatus(412);
    }

    @Test
    void theChannelFormKeepsWhatWasTypedAndNamesTheWrongFields() {
        UserView admin = admin();
        MvcTestResult result = mvc.post()
                .uri("/admin/sharing/channels")
                .with(user(KintsugiPrincipal.of(admin)))
                .with(csrf())
                .param("name", "Ops room")
                .param("format", "slack")
                .param("url", "ftp://files.example.org/hook")
                .param("scope", "teams")
                .param("items", "")
                .exchange();
        assertThat(result).hasStatus(400);
        assertThat(result)
                .bodyText()
                .contains("value=\"Ops room\"", "value=\"ftp://files.example.org/hook\"")
                .contains("Address must start with https://")
                .contains("needs at least one team");
    }

    @Test
    void theSubscriptionsPageShowsTheFeedAndKeepsAWrongChoice() {
        UserView viewer = people.viewer();
        MvcTestResult page = mvc.get()
                .uri("/profile/subscriptions")
                .with(user(KintsugiPrincipal.of(viewer)))
                .exchange();
        assertThat(page).hasStatusOk().bodyText().contains("/feeds/postmortems.atom?token=", "Make a new address");
        MvcTestResult wrong = mvc.post()
                .uri("/profile/subscriptions")
                .with(user(KintsugiPrincipal.of(viewer)))
                .with(csrf())
                .param("scope", "severities")
                .param("items", "SEV2, urgent")
                .param("version", "0")
                .exchange();
        assertThat(wrong).hasStatus(400);
        assertThat(wrong).bodyText().contains("value=\"SEV2, urgent\"", "&quot;URGENT&quot; is not a severity");
    }

    @Test
    void theLearningReviewListsTheMonthsPostmortemsWithTheirLessons() {
        publish("Search index rebuilt twice");
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        UserView reader = people.viewer();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(mvc.get().uri("/learning/" + month).with(user(KintsugiPrincipal.of(reader))))
                                .hasStatusOk()
                                .bodyText()
                                .contains(
                                        "Search index rebuilt twice",
                                        "Certificates need an owner and an alert",
                                        "<strong>before</strong>",
                                        "Teams: Payments"));
        assertThat(mvc.get().uri("/learning").with(user(KintsugiPrincipal.of(reader))))
                .hasStatusOk()
                .bodyText()
                .contains("Search index rebuilt twice", month.minusMonths(1).toString());
        assertThat(mvc.get().uri("/learning/2001-02").with(user(KintsugiPrincipal.of(reader))))
                .hasStatusOk()
                .bodyText()
                .contains("No postmortem was published in", "February 2001", "/learning/2001-01", "/learning/2001-03");
        assertThat(mvc.get().uri("/learning/2026-13").with(user(KintsugiPrincipal.of(reader))))
                .hasStatus(404);
    }

    UserView admin() {
        return users.all().stream()
                .filter(u -> u.email().equals(TestPeople.ADMIN_EMAIL))
                .findFirst()
                .orElseThrow();
    }
}
