package org.kintsugi.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kintsugi.action.ActionFixtures.as;
import static org.kintsugi.action.ActionFixtures.details;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The action list reads its rows with plain SQL: it must show each item as the item's own page does. The items left
 * open here would fall overdue in other tests of the same configuration, so the application is not shared on.
 */
@DirtiesContext
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@Import({MovableClock.Config.class, TestPeople.class})
@TestPropertySource(properties = "kintsugi.reminders.cron=-")
class ActionListingTests {

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

    UserView lead;
    UserView owner;
    String team;
    long postmortemId;
    LocalDate today;

    @BeforeEach
    void aPostmortemOfAResolvedIncidentOfATeamOfItsOwn() {
        clock.set(Instant.parse("2031-03-03T09:00:00Z"));
        today = LocalDate.of(2031, 3, 3);
        lead = people.member();
        owner = people.member();
        team = "Payments-" + UUID.randomUUID().toString().substring(0, 8);
        postmortemId = ActionFixtures.postmortem(
                incidents, postmortems, lead, "Card payments declined", team, clock.instant());
    }

    ActionView proposed(String title, LocalDate due) {
        return actions.propose(postmortemId, null, details(title, due), owner.id(), null, as(lead));
    }

    ActionView step(ActionView parent, String title) {
        return actions.propose(postmortemId, parent.id(), details(title, parent.dueDate()), owner.id(), null, as(lead));
    }

    ActionFilter ofTheTeam() {
        return new ActionFilter(null, team, null, false, null, null);
    }

    @Test
    void showsEveryItemAsItsPostmortemDoesWithTheRollUpOfItsSteps() {
        ActionView alert = proposed("Alert on decline rate", today.plusDays(14));
        actions.commit(step(alert, "Pick the threshold").id(), as(lead), "agreed in the debrief");
        ActionView written = actions.commit(step(alert, "Write the alert").id(), as(lead), "agreed in the debrief");
        actions.complete(written.id(), as(owner));
        actions.drop(step(alert, "Page the whole team").id(), "One person is enough", as(lead));
        proposed("Retry declined cards once", today.plusDays(3));

        var listed = actions.list(ofTheTeam(), 0, 25);

        assertThat(listed.getTotalElements()).isEqualTo(5);
        assertThat(listed.getContent()).containsExactlyInAnyOrderElementsOf(actions.forPostmortem(postmortemId));
        assertThat(listed.getContent())
                .filteredOn(i -> i.id() == alert.id())
                .singleElement()
                .satisfies(i -> assertThat(i.progress()).isEqualTo(new Progress(1, 2)));
    }

    @Test
    void listsTheSoonestDueFirstAPageAtATimeAndCountsThemAll() {
        proposed("Later", today.plusDays(30));
        proposed("Sooner", today.plusDays(2));
        proposed("Soonest", today.plusDays(1));

        var first = actions.list(ofTheTeam(), 0, 2);
        var second = actions.list(ofTheTeam(), 1, 2);

        assertThat(first.getContent()).extracting(ActionView::title).containsExactly("Soonest", "Sooner");
        assertThat(second.getContent()).extracting(ActionView::title).containsExactly("Later");
        assertThat(first.getTotalElements()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void overdueListsOnlyOpenItemsPastTheirDay() {
        ActionView late = proposed("Late", today.plusDays(1));
        ActionView lateButDone = proposed("Late but done", today.plusDays(1));
        actions.commit(lateButDone.id(), as(lead), "agreed in the debrief");
        actions.complete(lateButDone.id(), as(owner));
        proposed("Not yet due", today.plusDays(10));
        clock.set(Instant.parse("2031-03-06T09:00:00Z"));

        var overdue = actions.list(new ActionFilter(null, team, null, true, null, null), 0, 25);

        assertThat(overdue.getContent()).extracting(ActionView::id).containsExactly(late.id());
    }

    @Test
    void aTeamWithoutPostmortemsListsNothing() {
        proposed("Alert on decline rate", today.plusDays(14));

        var none = actions.list(new ActionFilter(null, "nobody-" + team, null, false, null, null), 0, 25);

        assertThat(none.getContent()).isEmpty();
        assertThat(none.getTotalElements()).isZero();
    }
}
