package org.kintsugi.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.support.MovableClock;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/** The postmortem list reads its rows with plain SQL: it must show each postmortem as its own page does. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@Import({MovableClock.Config.class, TestPeople.class})
class PostmortemListingTests {

    @Autowired
    MovableClock clock;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    UserView lead;
    Author leadAuthor;
    String team;

    @BeforeEach
    void aTeamOfItsOwn() {
        clock.set(Instant.parse("2031-03-03T09:00:00Z"));
        lead = people.member();
        leadAuthor = new Author(lead.id(), lead.displayName());
        team = "Discovery-" + UUID.randomUUID().toString().substring(0, 8);
    }

    PostmortemView started(String title, Severity severity, boolean resolved) {
        Instant begun = clock.instant().minus(3, ChronoUnit.HOURS);
        String key = incidents
                .declare(
                        new IncidentDetails(
                                title,
                                "",
                                IncidentKind.SYSTEM,
                                severity,
                                "Search returned nothing for an hour.",
                                null,
                                List.of(),
                                List.of(team, "Search"),
                                begun,
                                null,
                                null,
                                null,
                                resolved ? begun.plus(1, ChronoUnit.HOURS) : null),
                        lead.displayName())
                .key();
        return postmortems.start(key, null, leadAuthor);
    }

    PostmortemFilter ofTheTeam(@org.jspecify.annotations.Nullable Severity severity) {
        return new PostmortemFilter(null, null, severity, team.toLowerCase(), 0, 25);
    }

    @Test
    void showsEachPostmortemAsItsPageDoesWithCoAuthorsAndSections() {
        PostmortemView written = started("Search index empty", Severity.SEV2, true);
        UserView coAuthor = people.member();
        postmortems.addCoAuthor(written.id(), coAuthor.id(), leadAuthor);
        PostmortemView.Section first = written.sections().getFirst();
        postmortems.write(
                written.id(), first.key(), first.version(), "The index was rebuilt empty.", lead.displayName());
        PostmortemView other = started("Search slow", Severity.SEV3, false);

        var listed = postmortems.list(ofTheTeam(null));

        assertThat(listed.getTotalElements()).isEqualTo(2);
        assertThat(listed.getContent())
                .containsExactlyInAnyOrder(postmortems.find(written.id()), postmortems.find(other.id()));
        PostmortemView shown = listed.getContent().stream()
                .filter(p -> p.id() == written.id())
                .findFirst()
                .orElseThrow();
        assertThat(shown.coAuthors()).extracting(Author::id).containsExactly(coAuthor.id());
        assertThat(shown.sections().getFirst().body()).isEqualTo("The index was rebuilt empty.");
        assertThat(shown.teams()).containsExactly(team, "Search");
    }

    @Test
    void listsTheSoonestDueFirstThenTheUndatedAndFiltersBySeverity() {
        PostmortemView undated = started("Search slow", Severity.SEV2, false);
        PostmortemView due = started("Search index empty", Severity.SEV2, true);
        started("Search typo", Severity.SEV4, true);

        var sev2 = postmortems.list(ofTheTeam(Severity.SEV2));

        assertThat(due.dueAt()).as("a resolved SEV2's postmortem is due").isNotNull();
        assertThat(sev2.getContent()).extracting(PostmortemView::id).containsExactly(due.id(), undated.id());
    }

    @Test
    void overdueListsOnlyThosePastTheirDueMoment() {
        PostmortemView due = started("Search index empty", Severity.SEV2, true);
        started("Search slow", Severity.SEV2, false);
        var before = postmortems.list(new PostmortemFilter(null, "overdue", null, team, 0, 25));
        clock.set(due.dueAt().plus(1, ChronoUnit.HOURS));

        var after = postmortems.list(new PostmortemFilter(null, "overdue", null, team, 0, 25));

        assertThat(before.getContent()).isEmpty();
        assertThat(after.getContent()).extracting(PostmortemView::id).containsExactly(due.id());
    }

    @Test
    void pagesCountEveryMatch() {
        started("One", Severity.SEV2, false);
        started("Two", Severity.SEV2, false);
        started("Three", Severity.SEV2, false);

        var first = postmortems.list(new PostmortemFilter(null, null, null, team, 0, 2));
        var second = postmortems.list(new PostmortemFilter(null, null, null, team, 1, 2));

        assertThat(first.getTotalElements()).isEqualTo(3);
        assertThat(first.getContent()).hasSize(2);
        assertThat(second.getContent()).hasSize(1);
        assertThat(first.getContent()).doesNotContainAnyElementsOf(second.getContent());
    }
}
