package org.kintsugi.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.debrief.room.RoomManagement;
import org.kintsugi.debrief.room.RoomWorld;
import org.kintsugi.identity.KintsugiPrincipal;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Subscribers get a mail (plain text and HTML, a link to the postmortem, an unsubscribe link and header) for the
 * published postmortems their subscription wants, by team, service or severity, and no other; a debrief summary for
 * its participants reaches only them.
 */
@KintsugiAppTest
class SharingMailTests {

    static final int SMTP_PORT = freePort();
    static final Pattern UNSUBSCRIBE = Pattern.compile("https://kintsugi\\.example\\.org/unsubscribe/([A-Za-z0-9_-]+)");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("kintsugi.sharing.retry-cron", () -> "-");
        registry.add("kintsugi.base-url", () -> "https://kintsugi.example.org");
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    PostmortemReview review;

    @Autowired
    Announcements announcements;

    @Autowired
    DebriefManagement debriefs;

    @Autowired
    RoomManagement rooms;

    UserView owner;
    UserView reviewer;
    String team;
    String service;

    @BeforeEach
    void peopleAndNames() {
        owner = people.member();
        reviewer = people.member();
        String unique = UUID.randomUUID().toString().substring(0, 6);
        team = "Payments-" + unique;
        service = "checkout-" + unique;
    }

    MvcTestResult subscribe(UserView who, String json) {
        return mvc.put()
                .uri("/api/v1/sharing/subscription")
                .with(httpBasic(who.email(), TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    PostmortemView publish(String title, Severity severity, String team, String service) {
        return SharingFixtures.published(
                incidents, postmortems, review, owner, reviewer, title, severity, team, service, Instant.now());
    }

    @Test
    void onlyMatchingSubscriptionsGetTheMail() throws Exception {
        UserView byTeam = people.member();
        UserView byService = people.member();
        UserView bySeverity = people.viewer();
        UserView otherTeam = people.member();
        UserView otherSeverity = people.member();
        UserView nothing = people.member();
        assertThat(subscribe(byTeam, "{\"scope\": \"teams\", \"items\": [\"" + team.toLowerCase() + "\"]}"))
                .hasStatusOk();
        assertThat(subscribe(byService, "{\"scope\": \"services\", \"items\": [\"" + service + "\"]}"))
                .hasStatusOk();
        assertThat(subscribe(bySeverity, "{\"scope\": \"severities\", \"items\": [\"SEV1\"]}"))
                .hasStatusOk();
        assertThat(subscribe(otherTeam, "{\"scope\": \"teams\", \"items\": [\"Search\"]}"))
                .hasStatusOk();
        assertThat(subscribe(otherSeverity, "{\"scope\": \"severities\", \"items\": [\"SEV4\"]}"))
                .hasStatusOk();
        assertThat(subscribe(nothing, "{\"scope\": \"none\"}")).hasStatusOk();

        PostmortemView published = publish("Card payments declined", Severity.SEV1, team, service);

        MimeMessage mail = awaitMail(byTeam.email(), 1).getFirst();
        awaitMail(byService.email(), 1);
        awaitMail(bySeverity.email(), 1);
        assertThat(mail.getSubject()).isEqualTo("Postmortem: Card payments declined");
        String link = "https://kintsugi.example.org/postmortems/" + published.id();
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertThat(raw).contains("text/plain", "text/html", link, "Checkout failed for an hour");
        String header = mail.getHeader("List-Unsubscribe")[0];
        Matcher token = UNSUBSCRIBE.matcher(header);
        assertThat(token.find()).as(header).isTrue();
        assertThat(raw).contains(token.group());

        // A second, later publish reaches the same people: nothing was left behind for the others.
        publish("Refunds slow", Severity.SEV3, team, "refunds");
        awaitMail(byTeam.email(), 2);
        assertThat(mailsTo(byService.email())).hasSize(1);
        assertThat(mailsTo(bySeverity.email())).hasSize(1);
        assertThat(mailsTo(otherTeam.email())).isEmpty();
        assertThat(mailsTo(otherSeverity.email())).isEmpty();
        assertThat(mailsTo(nothing.email())).isEmpty();
        assertThat(mailsTo(owner.email())).isEmpty();
    }

    @Test
    void theUnsubscribeLinkStopsTheMailsWithoutSigningIn() throws Exception {
        UserView reader = people.member();
        subscribe(reader, "{\"scope\": \"all\"}");
        publish("Mail queue stuck", Severity.SEV3, team, service);
        MimeMessage mail = awaitMail(reader.email(), 1).getFirst();
        Matcher link = UNSUBSCRIBE.matcher(mail.getHeader("List-Unsubscribe")[0]);
        assertThat(link.find()).isTrue();
        String path = "/unsubscribe/" + link.group(1);

        // Opening the link (as a mail scanner would) changes nothing; the button does.
        assertThat(mvc.get().uri(path).exchange()).hasStatusOk().bodyText().contains("Stop the mails");
        assertThat(mvc.post().uri(path).exchange()).hasStatus(403);
        assertThat(
                        mvc.post()
                                .uri(path)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .exchange())
                .hasStatusOk()
                .bodyText()
                .contains("you get no more mails");
        MvcTestResult mine = mvc.get()
                .uri("/api/v1/sharing/subscription")
                .with(httpBasic(reader.email(), TestPeople.PASSWORD))
                .exchange();
        assertThat((String) JsonPath.read(mine.getResponse().getContentAsString(), "$.scope"))
                .isEqualTo("NONE");

        UserView other = people.member();
        subscribe(other, "{\"scope\": \"all\"}");
        publish("Mail queue stuck again", Severity.SEV3, team, service);
        awaitMail(other.email(), 1);
        assertThat(mailsTo(reader.email())).hasSize(1);
    }

    @Test
    void aDebriefSummaryForItsParticipantsReachesOnlyThem() {
        UserView participant = people.member();
        UserView subscriber = people.member();
        subscribe(subscriber, "{\"scope\": \"all\"}");
        String guest = "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        int deliveries = announcements.shareDebriefSummary(
                41L,
                null,
                "Debrief summary: the checkout outage",
                "We agreed on **one owner** per certificate.",
                "participants",
                List.of(participant.email().toUpperCase(), guest),
                Instant.parse("2026-12-01T10:00:00Z"));

        assertThat(deliveries).isEqualTo(2);
        MimeMessage mail = awaitMail(guest, 1).getFirst();
        awaitMail(participant.email(), 1);
        assertThat(GreenMailUtil.getWholeMessage(mail)).contains("https://kintsugi.example.org/debriefs/41");
        // Shared again with the same moment: recorded once, sent once.
        assertThat(announcements.shareDebriefSummary(
                        41L,
                        null,
                        "Debrief summary: the checkout outage",
                        "Again",
                        "participants",
                        List.of(guest),
                        Instant.parse("2026-12-01T10:00:00Z")))
                .isZero();
        assertThat(mailsTo(subscriber.email())).isEmpty();
    }

    @Test
    void aSummaryItsFacilitatorSharesAtTheCloseReachesTheInviteesByMail() throws Exception {
        RoomWorld room = RoomWorld.retrospective(debriefs, people);
        rooms.moveTo(room.id(), "closed", null, KintsugiPrincipal.of(room.facilitator()));

        MvcTestResult shared = mvc.post()
                .uri(room.api() + "/summary/share")
                .with(httpBasic(room.facilitator().email(), TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"audience\": \"participants\"}")
                .exchange();

        assertThat(shared.getResponse().getStatus()).isLessThan(300);
        // Each invitee has the invitation already; the summary comes as a mail of its own.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> summaries(room.ada().email()).size() == 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> summaries(room.ben().email()).size() == 1);
        String summary =
                GreenMailUtil.getWholeMessage(summaries(room.ada().email()).getFirst());
        assertThat(summary).contains("Took part", "https://kintsugi.example.org/debriefs/" + room.id());
        assertThat(summaries(room.outsider().email())).isEmpty();
    }

    List<MimeMessage> summaries(String address) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage mail : mailsTo(address)) {
            if (!mail.getSubject().startsWith("Invitation: ")) found.add(mail);
        }
        return found;
    }

    @Test
    void aSubscriptionNamesTheFieldThatIsWrong() throws Exception {
        UserView reader = people.member();
        MvcTestResult noTeams = subscribe(reader, "{\"scope\": \"teams\", \"items\": []}");
        assertThat(noTeams).hasStatus(400);
        assertThat(noTeams.getResponse().getContentAsString()).contains("items", "at least one team");
        MvcTestResult badSeverity = subscribe(reader, "{\"scope\": \"severities\", \"items\": [\"SEV9\"]}");
        assertThat(badSeverity).hasStatus(400);
        assertThat(badSeverity.getResponse().getContentAsString()).contains("SEV9");
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            items.append(i == 0 ? "" : ",").append("\"team-").append(i).append('"');
        }
        MvcTestResult tooMany = subscribe(reader, "{\"scope\": \"teams\", \"items\": [" + items + "]}");
        assertThat(tooMany).hasStatus(400);
        assertThat(tooMany.getResponse().getContentAsString()).contains("at most 50");
        assertThat(subscribe(reader, "{\"scope\": \"weekly\"}")).hasStatus(400);
    }

    List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    List<MimeMessage> awaitMail(String address, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).size() >= count);
        return mailsTo(address);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
