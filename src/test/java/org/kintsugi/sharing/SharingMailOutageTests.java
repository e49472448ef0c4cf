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
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.review.PostmortemReview;
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
 * A subscriber's mail is not lost when the SMTP server is down as a postmortem is published: the delivery shows as
 * failed with the server's error and its next try, and once the server is back the next due try hands it over,
 * once.
 */
@KintsugiAppTest
@Import(MovableClock.Config.class)
class SharingMailOutageTests {

    static final int SMTP_PORT = SharingMailTests.freePort();

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
    Dispatcher dispatcher;

    @Test
    void aMailThatFoundTheSmtpServerDownIsSentOnceWhenItIsBack() throws Exception {
        UserView reader = people.member();
        assertThat(mvc.put()
                        .uri("/api/v1/sharing/subscription")
                        .with(httpBasic(reader.email(), TestPeople.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\": \"all\"}"))
                .hasStatusOk();
        smtp.stop();

        PostmortemView published = SharingFixtures.published(
                incidents,
                postmortems,
                review,
                people.member(),
                people.member(),
                "Mail relay unreachable",
                Severity.SEV2,
                "Messaging",
                "relay",
                clock.instant());

        // The first try finds nothing listening: failed, with the server's error, due again in a minute.
        String failed = await().atMost(Duration.ofSeconds(20))
                .until(this::failedDeliveries, json -> json.contains("Mail relay unreachable"));
        assertThat((List<?>) JsonPath.read(failed, "$")).hasSize(1);
        assertThat((String) JsonPath.read(failed, "$[0].state")).isEqualTo("FAILED");
        assertThat((String) JsonPath.read(failed, "$[0].to")).isEqualToIgnoringCase(reader.email());
        assertThat((Integer) JsonPath.read(failed, "$[0].attempts")).isEqualTo(1);
        assertThat((String) JsonPath.read(failed, "$[0].lastError"))
                .contains("Mail server connection failed", "Couldn't connect to host");
        Instant next = Instant.parse(JsonPath.read(failed, "$[0].nextAttemptAt"));
        assertThat(Duration.between(clock.instant(), next)).isBetween(Duration.ofSeconds(50), Duration.ofMinutes(1));

        // The server is back, but the delivery waits for its time; then it goes out, once.
        smtp.start();
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(mailsTo(reader.email())).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        MimeMessage mail = mailsTo(reader.email()).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Postmortem: Mail relay unreachable");
        assertThat(GreenMailUtil.getWholeMessage(mail))
                .contains("https://kintsugi.example.org/postmortems/" + published.id(), "Checkout failed for an hour");
        clock.advance(Duration.ofHours(3));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(mailsTo(reader.email())).hasSize(1);
        assertThat(failedDeliveries()).isEqualTo("[]");
    }

    String failedDeliveries() throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/sharing/deliveries?state=failed")
                .with(httpBasic(TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD))
                .exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString();
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
}
