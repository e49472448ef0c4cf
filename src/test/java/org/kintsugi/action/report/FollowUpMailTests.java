package org.kintsugi.action.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionType;
import org.kintsugi.action.Priority;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.policy.ReviewPolicy;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.MovableClock;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The monthly mail, received by a real SMTP server (GreenMail) on the first working day and on no other. */
@KintsugiAppTest
@Import(ReportTestConfiguration.class)
@TestPropertySource(properties = {"kintsugi.reports.cron=-", "kintsugi.base-url=https://kintsugi.example.org/"})
class FollowUpMailTests {

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    FollowUpMailing mailing;

    @Autowired
    FollowUpSubscriptions subscriptions;

    @Autowired
    MovableClock clock;

    @Autowired
    TestPeople people;

    @Autowired
    UserManagement users;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    ActionManagement actions;

    @Autowired
    ReviewPolicy policy;

    @Autowired
    JdbcClient jdbc;

    @Test
    void subscribersReceiveLastMonthsReportOnceOnTheFirstWorkingDay() throws Exception {
        UserView ana = people.member();
        UserView ben = people.member();
        UserView gone = people.member();
        UserView other = people.member();
        july(ana);
        subscriptions.subscribe(ana.id());
        subscriptions.subscribe(ben.id());
        subscriptions.subscribe(gone.id());
        users.deactivate(gone.id());

        // 1 August 2026 is a Saturday: the first working day is Monday the 3rd.
        runAt("2026-08-01T05:00:00Z");
        assertThat(smtp.getReceivedMessages()).isEmpty();

        runAt("2026-08-03T05:00:00Z");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        for (UserView subscriber : List.of(ana, ben)) {
            MimeMessage[] received = smtp.getReceivedMessagesForDomain(subscriber.email());
            assertThat(received).hasSize(1);
            MimeMessage mail = received[0];
            assertThat(mail.getSubject()).isEqualTo("Kintsugi follow-up report — July 2026");
            assertThat(text(mail, "text/plain"))
                    .contains("All teams: 2 opened, 2 committed, 1 done, 0 verified effective, 0 not effective,"
                            + " 0 dropped, 1 overdue at month end; median 4.0 days to done.")
                    .contains("- Payments: 2 opened, 2 committed, 1 done,")
                    .contains("https://kintsugi.example.org/reports/follow-up?month=2026-07");
            assertThat(text(mail, "text/html"))
                    .contains("<td style=\"text-align: left; border-bottom: 1px solid #eee;\">Payments</td>")
                    .contains("href=\"https://kintsugi.example.org/reports/follow-up?month=2026-07\"");
        }
        assertThat(smtp.getReceivedMessagesForDomain(gone.email())).isEmpty();
        assertThat(smtp.getReceivedMessagesForDomain(other.email())).isEmpty();

        runAt("2026-08-03T15:00:00Z");
        runAt("2026-08-04T05:00:00Z");
        assertThat(smtp.getReceivedMessages())
                .as("nothing more after the first working day")
                .hasSize(2);

        // 1 September 2026 is a Tuesday, so the 2nd is not the first working day.
        runAt("2026-09-02T05:00:00Z");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        runAt("2026-09-01T05:00:00Z");
        assertThat(smtp.getReceivedMessages()).hasSize(4);
        assertThat(smtp.getReceivedMessages()[3].getSubject()).isEqualTo("Kintsugi follow-up report — August 2026");
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'follow-up-report'")
                        .query(Long.class)
                        .single())
                .as("the job ran under its ShedLock lock")
                .isEqualTo(1);
    }

    @Test
    void theFirstWorkingDayIsTheFirstMondayToFridayOfTheMonth() {
        assertThat(FollowUpMailing.firstWorkingDay(java.time.YearMonth.of(2026, 8)))
                .isEqualTo(LocalDate.of(2026, 8, 3));
        assertThat(FollowUpMailing.firstWorkingDay(java.time.YearMonth.of(2026, 11)))
                .isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(FollowUpMailing.firstWorkingDay(java.time.YearMonth.of(2026, 9)))
                .isEqualTo(LocalDate.of(2026, 9, 1));
    }

    void runAt(String moment) {
        clock.set(Instant.parse(moment));
        mailing.run();
    }

    /** July 2026 in Europe/Berlin for team Payments: one item done in 4 days, one overdue at the month's end. */
    void july(UserView owner) {
        policy.changeReview(policy.approvalsRequired(), "Europe/Berlin");
        Author author = new Author(owner.id(), owner.displayName());
        clock.set(Instant.parse("2026-07-01T08:00:00Z"));
        String key = incidents
                .declare(
                        new IncidentDetails(
                                "Checkout timeouts",
                                "",
                                IncidentKind.SYSTEM,
                                Severity.SEV2,
                                "Slow checkouts.",
                                null,
                                List.of(),
                                List.of("Payments"),
                                Instant.parse("2026-06-30T10:00:00Z"),
                                null,
                                null,
                                null,
                                Instant.parse("2026-06-30T11:00:00Z")),
                        owner.displayName())
                .key();
        long postmortem = postmortems.start(key, null, author).id();
        clock.set(Instant.parse("2026-07-02T09:00:00Z"));
        long quick = propose(postmortem, "Raise the pool size", "2026-07-31", author);
        long late = propose(postmortem, "Load test checkout", "2026-07-20", author);
        clock.set(Instant.parse("2026-07-06T09:00:00Z"));
        actions.commit(quick, author, null);
        actions.commit(late, author, null);
        actions.complete(quick, author);
    }

    long propose(long postmortem, String title, String due, Author author) {
        return actions.propose(
                        postmortem,
                        null,
                        new ActionDetails(
                                title, "", LocalDate.parse(due), Priority.P2, ActionType.PREVENT, "No timeouts"),
                        author.id(),
                        null,
                        author)
                .id();
    }

    /** Return the first part of a mail with this content type. */
    static String text(Part part, String type) throws Exception {
        String found = find(part, type);
        assertThat(found).as(type + " part").isNotNull();
        return found;
    }

    private static @Nullable String find(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
