package org.kintsugi.debrief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kintsugi.action.ActionFixtures;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
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
 * Invitations reach a real SMTP server (GreenMail) with an iCalendar file that calendars accept, read back here with
 * iCal4j: a request on scheduling, an update with a higher SEQUENCE on a change, a cancellation; answers come back
 * through the mail's link.
 */
@KintsugiAppTest
@Import(MovableClock.Config.class)
class DebriefInvitationsTests {

    static final int SMTP_PORT = freePort();
    static final Pattern ANSWER_LINK =
            Pattern.compile("https://kintsugi\\.example\\.org/debriefs/answer/([A-Za-z0-9_-]+)");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("kintsugi.reminders.cron", () -> "-");
        registry.add("kintsugi.debriefs.mail-retry-cron", () -> "-");
        registry.add("kintsugi.debriefs.mail-retry-after", () -> "PT0S");
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
    InvitationOutbox outbox;

    UserView owner;
    UserView facilitator;
    String guest;
    long postmortem;

    @BeforeEach
    void aPostmortemAndItsPeople() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        owner = people.member();
        facilitator = people.member();
        guest = "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        postmortem = ActionFixtures.postmortem(
                incidents, postmortems, owner, "Checkout unavailable", "Payments", clock.instant());
    }

    String schedule(String time) {
        return """
                {"postmortemId": %d, "title": "Debrief of the checkout outage", "date": "2027-01-12", "time": "%s",
                 "zone": "Europe/Berlin", "durationMinutes": 90, "meetingLink": "https://meet.example.org/checkout",
                 "facilitatorId": %d, "invitees": [{"email": "%s"}]}""".formatted(postmortem, time, facilitator.id(), guest);
    }

    MvcTestResult post(String uri, String json, UserView as) {
        return mvc.post()
                .uri(uri)
                .with(httpBasic(as.email(), TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    long scheduled() throws Exception {
        MvcTestResult made = post("/api/v1/debriefs", schedule("09:30"), owner);
        assertThat(made).hasStatus(201);
        return ((Number) JsonPath.read(made.getResponse().getContentAsString(), "$.id")).longValue();
    }

    @Test
    void aScheduledChangedAndCancelledDebriefReachesEveryInviteesCalendar() throws Exception {
        MvcTestResult made = post("/api/v1/debriefs", schedule("09:30"), owner);
        assertThat(made).hasStatus(201);
        String body = made.getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        String uid = JsonPath.read(body, "$.uid");
        assertThat((String) JsonPath.read(body, "$.startsAt")).isEqualTo("2027-01-12T08:30:00Z");

        // The facilitator (invited as such) and the guest each get one invitation.
        MimeMessage invitation = awaitMail(guest, 1).getFirst();
        awaitMail(facilitator.email(), 1);
        assertThat(invitation.getSubject())
                .isEqualTo("Invitation: Debrief of the checkout outage — Tue 12 Jan 2027, 09:30 (Europe/Berlin)");
        assertThat(calendarPart(invitation).getContentType())
                .contains("text/calendar")
                .containsIgnoringCase("method=REQUEST");
        String text = GreenMailUtil.getBody(invitation);
        assertThat(text).contains("https://meet.example.org/checkout", "?a=yes", "?a=maybe", "?a=no");
        VEvent event = event(invitation, "REQUEST");
        assertThat(value(event, Property.UID)).isEqualTo(uid);
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(event, Property.DTSTART)).isEqualTo("20270112T083000Z");
        assertThat(value(event, Property.DURATION)).isEqualTo("PT1H30M");
        assertThat(value(event, Property.ORGANIZER)).isEqualToIgnoringCase("mailto:" + owner.email());
        assertThat(event.<Property>getProperties(Property.ATTENDEE))
                .extracting(p -> p.getValue().toLowerCase())
                .containsExactlyInAnyOrder("mailto:" + facilitator.email().toLowerCase(), "mailto:" + guest);

        // Half an hour later: everyone is sent the update, same UID, SEQUENCE 1.
        MvcTestResult changed = mvc.put()
                .uri("/api/v1/debriefs/" + id)
                .with(httpBasic(owner.email(), TestPeople.PASSWORD))
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(schedule("10:00"))
                .exchange();
        assertThat(changed).hasStatus(200);
        MimeMessage update = awaitMail(guest, 2).get(1);
        assertThat(update.getSubject()).startsWith("Updated: Debrief of the checkout outage — Tue 12 Jan 2027, 10:00");
        VEvent updated = event(update, "REQUEST");
        assertThat(value(updated, Property.UID)).isEqualTo(uid);
        assertThat(value(updated, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(updated, Property.DTSTART)).isEqualTo("20270112T090000Z");
        awaitMail(facilitator.email(), 2);

        // Cancelled: METHOD:CANCEL, same UID, SEQUENCE 2.
        assertThat(post("/api/v1/debriefs/" + id + "/cancel", "", owner)).hasStatus(200);
        MimeMessage cancellation = awaitMail(guest, 3).get(2);
        assertThat(cancellation.getSubject()).startsWith("Cancelled: Debrief of the checkout outage");
        assertThat(calendarPart(cancellation).getContentType()).containsIgnoringCase("method=CANCEL");
        VEvent cancelled = event(cancellation, "CANCEL");
        assertThat(value(cancelled, Property.UID)).isEqualTo(uid);
        assertThat(value(cancelled, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        awaitMail(facilitator.email(), 3);

        // Nothing is sent twice, even when the outbox is asked again.
        outbox.deliver(id);
        assertThat(mailsTo(guest)).hasSize(3);
    }

    @Test
    void someoneTakenOffTheInvitationIsSentACancellationAndTheOthersAnUpdate() throws Exception {
        long id = scheduled();
        awaitMail(guest, 1);
        awaitMail(facilitator.email(), 1);
        String guestId = inviteeField(id, guest, "id");

        MvcTestResult removed = mvc.post()
                .uri("/debriefs/" + id + "/invitees/" + guestId + "/remove")
                .with(user(KintsugiPrincipal.of(owner)))
                .with(csrf())
                .exchange();
        assertThat(removed).hasStatus3xxRedirection();

        VEvent cancellation = event(awaitMail(guest, 2).get(1), "CANCEL");
        assertThat(value(cancellation, Property.SEQUENCE)).isEqualTo("1");
        assertThat(cancellation.<Property>getProperties(Property.ATTENDEE))
                .extracting(Property::getValue)
                .containsExactly("mailto:" + guest);
        VEvent update = event(awaitMail(facilitator.email(), 2).get(1), "REQUEST");
        assertThat(value(update, Property.SEQUENCE)).isEqualTo("1");
        assertThat(update.<Property>getProperties(Property.ATTENDEE))
                .extracting(p -> p.getValue().toLowerCase())
                .containsExactly("mailto:" + facilitator.email().toLowerCase());
    }

    @Test
    void anAnswerThroughTheMailLinkIsRecordedButOpeningTheLinkChangesNothing() throws Exception {
        long id = scheduled();
        String token = token(awaitMail(guest, 1).getFirst());

        // Opening the link (as a mail scanner would) shows the question and records nothing.
        MvcTestResult opened =
                mvc.get().uri("/debriefs/answer/" + token + "?a=yes").exchange();
        assertThat(opened).hasStatusOk();
        assertThat(opened.getResponse().getContentAsString()).contains("Will you come?", "No answer yet");
        assertThat(answerOf(id, guest)).isEqualTo("NONE");

        // The page's button posts the answer, with the CSRF token of the form.
        MvcTestResult answered = mvc.post()
                .uri("/debriefs/answer/" + token)
                .param("a", "yes")
                .with(csrf())
                .exchange();
        assertThat(answered).hasStatus3xxRedirection();
        assertThat(answerOf(id, guest)).isEqualTo("YES");
        assertThat(mvc.get()
                        .uri("/debriefs/answer/" + token)
                        .exchange()
                        .getResponse()
                        .getContentAsString())
                .contains("Yes, I will come");

        // Changing one's mind is fine; nonsense is refused by name; a made-up token finds nothing.
        mvc.post()
                .uri("/debriefs/answer/" + token)
                .param("a", "maybe")
                .with(csrf())
                .exchange();
        assertThat(answerOf(id, guest)).isEqualTo("MAYBE");
        assertThat(mvc.post()
                        .uri("/debriefs/answer/" + token)
                        .param("a", "often")
                        .with(csrf())
                        .exchange())
                .hasStatus(400);
        assertThat(mvc.post().uri("/debriefs/answer/" + token).param("a", "no").exchange())
                .hasStatus(403);
        assertThat(answerOf(id, guest)).isEqualTo("MAYBE");
        assertThat(mvc.get().uri("/debriefs/answer/not-a-token-kintsugi-sent").exchange())
                .hasStatus(404);
    }

    @Test
    void aMailTheServerCannotTakeIsShownAsFailingAndSentOnRetry() throws Exception {
        smtp.stop();
        long id = scheduled();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(inviteeField(id, guest, "delivery")).isEqualTo("failing"));
        assertThat(inviteeField(id, guest, "mailError")).isNotBlank();

        smtp.start();
        outbox.retry();
        assertThat(awaitMail(guest, 1)).hasSize(1);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(inviteeField(id, guest, "delivery")).isEqualTo("sent"));
        outbox.retry();
        assertThat(mailsTo(guest)).hasSize(1);
    }

    String answerOf(long id, String email) throws Exception {
        return inviteeField(id, email, "answer");
    }

    String inviteeField(long id, String email, String field) throws Exception {
        String json = mvc.get()
                .uri("/api/v1/debriefs/" + id + "/invitees")
                .with(httpBasic(owner.email(), TestPeople.PASSWORD))
                .exchange()
                .getResponse()
                .getContentAsString();
        List<Object> values = JsonPath.read(json, "$[?(@.email == '" + email + "')]." + field);
        return String.valueOf(values.getFirst());
    }

    static String token(MimeMessage mail) {
        Matcher link = ANSWER_LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
        assertThat(link.find()).as("an answer link in the mail").isTrue();
        return link.group(1);
    }

    List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equalsIgnoreCase(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    List<MimeMessage> awaitMail(String address, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).size() >= count);
        return mailsTo(address);
    }

    static VEvent event(MimeMessage mail, String method) throws Exception {
        Part part = calendarPart(mail);
        Calendar calendar;
        try (InputStream in = part.getInputStream()) {
            calendar = new CalendarBuilder()
                    .build(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        assertThat(calendar.validate().hasErrors())
                .as("iCal4j finds nothing wrong")
                .isFalse();
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo(method);
        return (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }

    static Part calendarPart(MimeMessage mail) throws Exception {
        Part found = find(mail);
        assertThat(found).as("a text/calendar part").isNotNull();
        return found;
    }

    static @Nullable Part find(Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            return part;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Part found = find(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
