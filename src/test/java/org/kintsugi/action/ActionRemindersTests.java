package org.kintsugi.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kintsugi.action.ActionFixtures.as;
import static org.kintsugi.action.ActionFixtures.details;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kintsugi.action.digest.Digest;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.MovableClock;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Reminder digests go through a real SMTP server (GreenMail), one per person per day, as the dates come round. */
@KintsugiAppTest
@Import(MovableClock.Config.class)
class ActionRemindersTests {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("kintsugi.reminders.cron", () -> "-");
        registry.add("kintsugi.base-url", () -> "https://kintsugi.example.org");
    }

    @Autowired
    MovableClock clock;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    ActionManagement actions;

    @Autowired
    ActionReminders reminders;

    @Autowired
    JdbcClient jdbc;

    UserView lead;
    UserView owner;
    LocalDate day0;

    @BeforeEach
    void aPostmortemWithItems() {
        // A Monday morning, after the 08:00 send hour in UTC, the zone of both people.
        clock.set(Instant.parse("2031-03-03T09:00:00Z"));
        day0 = LocalDate.of(2031, 3, 3);
        lead = people.member();
        owner = people.member();
    }

    long pm() {
        return ActionFixtures.postmortem(
                incidents, postmortems, lead, "Card payments declined", "Payments", clock.instant());
    }

    @Test
    void oneDigestADayTellsTheOwnerOfAssignmentsAndDueDatesAndEscalatesLongOverdueItems() throws Exception {
        long pm = pm();
        ActionView retry = actions.propose(
                pm, null, details("Retry declined cards once", day0.plusDays(2)), owner.id(), null, as(lead));
        ActionView alert = actions.propose(
                pm, null, details("Alert on decline rate", day0.plusDays(2)), owner.id(), null, as(lead));
        actions.propose(pm, null, details("Write the runbook", day0.plusDays(30)), lead.id(), null, as(lead));

        List<Digest> first = reminders.send();
        assertThat(first).singleElement().satisfies(d -> {
            assertThat(d.personId()).isEqualTo(owner.id());
            assertThat(d.assigned()).extracting(Digest.Line::id).containsExactly(retry.id(), alert.id());
            assertThat(d.dueSoon()).extracting(Digest.Line::id).containsExactly(retry.id(), alert.id());
        });
        MimeMessage mail = onlyMailTo(owner);
        assertThat(mail.getSubject()).isEqualTo("Kintsugi: 2 action items for you on 2031-03-03");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("Newly yours", "Due soon", "Retry declined cards once", "Alert on decline rate");
        assertThat(body).contains("https://kintsugi.example.org/actions/" + retry.id());

        // The same day again: nothing more. The self-assigned runbook item never produced an assignment notice.
        assertThat(reminders.send()).isEmpty();
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        // The due day, before the send hour: nothing yet; after it: "due today".
        clock.set(day0.plusDays(2).atTime(7, 30).toInstant(ZoneOffset.UTC));
        assertThat(reminders.send()).isEmpty();
        clock.set(day0.plusDays(2).atTime(8, 15).toInstant(ZoneOffset.UTC));
        assertThat(reminders.send()).singleElement().satisfies(d -> {
            assertThat(d.dueToday()).hasSize(2);
            assertThat(d.assigned()).isEmpty();
        });

        // One day overdue: no mail; seven days: the weekly overdue reminder, not yet to the postmortem's owner.
        clock.set(day0.plusDays(3).atTime(9, 0).toInstant(ZoneOffset.UTC));
        assertThat(reminders.send()).isEmpty();
        clock.set(day0.plusDays(9).atTime(9, 0).toInstant(ZoneOffset.UTC));
        assertThat(reminders.send()).singleElement().satisfies(d -> {
            assertThat(d.personId()).isEqualTo(owner.id());
            assertThat(d.overdue()).extracting(Digest.Line::daysOverdue).containsExactly(7L, 7L);
        });

        // Fourteen days overdue: the owner is reminded and the postmortem's owner hears of it too.
        smtp.purgeEmailFromAllMailboxes();
        clock.set(day0.plusDays(16).atTime(9, 0).toInstant(ZoneOffset.UTC));
        List<Digest> escalation = reminders.send();
        assertThat(escalation).extracting(Digest::personId).containsExactlyInAnyOrder(owner.id(), lead.id());
        assertThat(GreenMailUtil.getBody(onlyMailTo(lead)))
                .contains("Overdue on postmortems you own", "Retry declined cards once", "14 days overdue");

        // Done items drop out of the reminders.
        actions.commit(retry.id(), as(lead), "Declines keep happening");
        actions.complete(retry.id(), as(owner));
        clock.set(day0.plusDays(23).atTime(9, 0).toInstant(ZoneOffset.UTC));
        assertThat(reminders.send())
                .allSatisfy(d -> assertThat(d.parts())
                        .flatExtracting(Digest.Part::lines)
                        .extracting(Digest.Line::id)
                        .containsOnly(alert.id()));
    }

    @Test
    void aJobLockedByAnotherNodeSendsNothingAndRunsOnceTheLockIsFree() throws Exception {
        long pm = pm();
        actions.propose(pm, null, details("Page the payments on-call", day0), owner.id(), null, as(lead));
        Instant lockedUntil = Instant.now().plus(Duration.ofHours(1));
        jdbc.sql("insert into shedlock (name, lock_until, locked_at, locked_by) values (:n, :u, :a, :b)")
                .param("n", "action-reminders")
                .param("u", Timestamp.from(lockedUntil))
                .param("a", Timestamp.from(Instant.now()))
                .param("b", "another-node")
                .update();

        reminders.sendScheduled();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // The other node finishes and its lock runs out.
        jdbc.sql("update shedlock set lock_until = :past where name = 'action-reminders'")
                .param("past", Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))))
                .update();
        reminders.sendScheduled();
        assertThat(onlyMailTo(owner).getSubject()).contains("1 action item for you");
        assertThat(jdbc.sql("select locked_by from shedlock where name = 'action-reminders'")
                        .query(String.class)
                        .single())
                .isNotEqualTo("another-node");
    }

    MimeMessage onlyMailTo(UserView person) throws Exception {
        List<MimeMessage> to = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(person.email());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(to).hasSize(1);
        return to.get(0);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
