package org.kintsugi.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kintsugi.action.ActionFixtures.as;
import static org.kintsugi.action.ActionFixtures.details;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.support.MovableClock;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/** The action module tells other modules of each item's state changes, as events carrying ids and a snapshot. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@Import({MovableClock.Config.class, TestPeople.class})
@TestPropertySource(properties = "kintsugi.reminders.cron=-")
class ActionEventsTests {

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
    ActionTriage triage;

    @Autowired
    OverdueActions overdue;

    UserView lead;
    UserView owner;
    long postmortemId;
    long incidentId;
    LocalDate today;

    @BeforeEach
    void aPostmortemOfAResolvedIncident() {
        clock.set(Instant.parse("2031-03-03T09:00:00Z"));
        today = LocalDate.of(2031, 3, 3);
        lead = people.member();
        owner = people.member();
        postmortemId = ActionFixtures.postmortem(
                incidents, postmortems, lead, "Card payments declined", "Payments", clock.instant());
        incidentId = postmortems.find(postmortemId).incidentId();
    }

    ActionView proposed(String title, LocalDate due) {
        return actions.propose(postmortemId, null, details(title, due), owner.id(), null, as(lead));
    }

    ActionView committed(String title, LocalDate due) {
        return actions.commit(proposed(title, due).id(), as(lead), "agreed in the debrief");
    }

    @Test
    void committingPublishesActionItemCommitted(Scenario scenario) {
        ActionView item = proposed("Retry declined cards once", today.plusDays(14));
        scenario.stimulate(() -> actions.commit(item.id(), as(lead), "agreed in the debrief"))
                .andWaitForEventOfType(ActionItemCommitted.class)
                .matching(event -> event.actionItemId() == item.id())
                .toArriveAndVerify(event -> {
                    assertThat(event.postmortemId()).isEqualTo(postmortemId);
                    assertThat(event.incidentId()).isEqualTo(incidentId);
                    assertThat(event.title()).isEqualTo("Retry declined cards once");
                    assertThat(event.ownerId()).isEqualTo(owner.id());
                    assertThat(event.ownerName()).isEqualTo(owner.displayName());
                    assertThat(event.dueDate()).isEqualTo(today.plusDays(14));
                    assertThat(event.status()).isEqualTo(ActionStatus.COMMITTED);
                    assertThat(event.committedAt()).isEqualTo(clock.instant());
                });
    }

    @Test
    void completingPublishesActionItemCompletedWithTheDayToVerifyBy(Scenario scenario) {
        ActionView item = committed("Alert on decline rate", today.plusDays(14));
        scenario.stimulate(() -> actions.complete(item.id(), as(owner)))
                .andWaitForEventOfType(ActionItemCompleted.class)
                .matching(event -> event.actionItemId() == item.id())
                .toArriveAndVerify((event, done) -> {
                    assertThat(event.incidentId()).isEqualTo(incidentId);
                    assertThat(event.status()).isEqualTo(ActionStatus.DONE);
                    assertThat(event.doneAt()).isEqualTo(clock.instant());
                    assertThat(event.verifyBy()).isEqualTo(done.verifyBy());
                });
    }

    @Test
    void verifyingPublishesTheOutcomeAndTheEvidence(Scenario scenario) {
        ActionView item = committed("Alert on decline rate", today.plusDays(14));
        actions.complete(item.id(), as(owner));
        scenario.stimulate(() -> actions.verify(item.id(), false, "Declines rose again unnoticed", as(lead)))
                .andWaitForEventOfType(ActionItemVerified.class)
                .matching(event -> event.actionItemId() == item.id())
                .toArriveAndVerify(event -> {
                    assertThat(event.effective()).isFalse();
                    assertThat(event.status()).isEqualTo(ActionStatus.NOT_EFFECTIVE);
                    assertThat(event.evidence()).isEqualTo("Declines rose again unnoticed");
                    assertThat(event.incidentId()).isEqualTo(incidentId);
                });
    }

    @Test
    void droppingPublishesTheReason(Scenario scenario) {
        ActionView item = proposed("Rewrite the payment service", today.plusDays(90));
        scenario.stimulate(() -> actions.drop(item.id(), "Too large for what it prevents", as(lead)))
                .andWaitForEventOfType(ActionItemDropped.class)
                .matching(event -> event.actionItemId() == item.id())
                .toArriveAndVerify(event -> {
                    assertThat(event.reason()).isEqualTo("Too large for what it prevents");
                    assertThat(event.status()).isEqualTo(ActionStatus.DROPPED);
                    assertThat(event.incidentId()).isEqualTo(incidentId);
                });
    }

    @Nested
    @DisplayName("Items dropped while triaging")
    class Triage {

        @Test
        void mergingAProposalPublishesItsDrop(Scenario scenario) {
            ActionView keep = proposed("Alert on decline rate", today.plusDays(14));
            ActionView merged = proposed("Page someone when declines rise", today.plusDays(10));
            scenario.stimulate(() -> triage.merge(keep.id(), merged.id(), as(lead)))
                    .andWaitForEventOfType(ActionItemDropped.class)
                    .matching(event -> event.actionItemId() == merged.id())
                    .toArriveAndVerify(event -> assertThat(event.reason())
                            .isEqualTo("merged into item " + keep.id() + ": Alert on decline rate"));
        }

        @Test
        void choosingWhatMattersMostPublishesTheOthersDrops(PublishedEvents events) {
            ActionView kept = committed("Alert on decline rate", today.plusDays(14));
            ActionView other = committed("Rewrite the runbook", today.plusDays(30));
            triage.focus(postmortemId, Set.of(kept.id()), true, "one thing at a time", as(lead));
            assertThat(events.ofType(ActionItemDropped.class).matching(e -> e.postmortemId() == postmortemId))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.actionItemId()).isEqualTo(other.id());
                        assertThat(e.reason()).isEqualTo("not among those that matter most: one thing at a time");
                    });
        }
    }

    @Nested
    @DisplayName("Overdue items")
    class Overdue {

        @Test
        void anItemPastItsDueDateIsPublishedOnceByTheJobThatNoticesIt(PublishedEvents events) {
            ActionView late = committed("Alert on decline rate", today.plusDays(2));
            committed("Rewrite the runbook", today.plusDays(30));
            ActionView done = committed("Retry declined cards once", today.plusDays(1));
            actions.complete(done.id(), as(owner));

            clock.set(today.plusDays(2).atTime(23, 0).toInstant(ZoneOffset.UTC));
            overdue.notice();
            assertThat(events.ofType(ActionItemOverdue.class)).isEmpty();

            clock.advance(Duration.ofHours(2));
            overdue.notice();
            clock.advance(Duration.ofDays(7));
            overdue.notice();

            assertThat(events.ofType(ActionItemOverdue.class)).singleElement().satisfies(e -> {
                assertThat(e.actionItemId()).isEqualTo(late.id());
                assertThat(e.postmortemId()).isEqualTo(postmortemId);
                assertThat(e.incidentId()).isEqualTo(incidentId);
                assertThat(e.dueDate()).isEqualTo(today.plusDays(2));
                assertThat(e.noticedOn()).isEqualTo(today.plusDays(3));
                assertThat(e.status()).isEqualTo(ActionStatus.COMMITTED);
                assertThat(e.ownerId()).isEqualTo(owner.id());
            });
        }
    }
}
