package org.kintsugi.analysis.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kintsugi.analysis.WhysFixtures.answer;
import static org.kintsugi.analysis.WhysFixtures.as;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.analysis.WhysFixtures;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.analysis.whys.NodeView;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemPublished;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.review.PostmortemReview;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.StaleVersionException;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Contributing factors: marked on why-answers or written directly, the taxonomy, the search, the publication. */
@KintsugiAppTest
@RecordApplicationEvents
class ContributingFactorsTests {

    @Autowired
    ContributingFactors factors;

    @Autowired
    FactorCategories categories;

    @Autowired
    FiveWhys whys;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    PostmortemReview review;

    @Autowired
    ApplicationEvents events;

    UserView owner;
    String team;
    long pm;

    @BeforeEach
    void postmortem() {
        owner = people.member();
        team = "Team " + UUID.randomUUID().toString().substring(0, 8);
        pm = WhysFixtures.postmortem(incidents, postmortems, owner, null, team).id();
    }

    long category(String name) {
        return categories.named(name).orElseThrow().id();
    }

    FactorView direct(long postmortemId, String statement, String category) {
        return factors.add(postmortemId, new FactorInput(statement, category(category), ""), as(owner));
    }

    @Nested
    @DisplayName("On a postmortem")
    class OnAPostmortem {

        @Test
        void aWhyAnswerMarkedAsAFactorReadsAsTheAnswerEvenAfterItChanges() {
            NodeView node = whys.addCause(pm, null, answer("The pool was sized for last year"), as(owner));
            FactorView marked = factors.markAnswer(
                    pm, node.id(), new FactorInput(null, category("Capacity"), "seen twice this year"), as(owner));
            assertThat(marked.statement()).isEqualTo("The pool was sized for last year");
            assertThat(marked.nodeId()).isEqualTo(node.id());
            assertThat(whys.node(pm, node.id(), owner.id()).factor().category()).isEqualTo("Capacity");

            whys.revise(pm, node.id(), node.version(), answer("The pool was sized for 2025's peak"), as(owner));
            assertThat(factors.forPostmortem(pm))
                    .singleElement()
                    .extracting(FactorView::statement)
                    .isEqualTo("The pool was sized for 2025's peak");

            FactorView recategorised =
                    factors.markAnswer(pm, node.id(), new FactorInput(null, category("Change"), ""), as(owner));
            assertThat(recategorised.id()).isEqualTo(marked.id());
            assertThat(recategorised.category().name()).isEqualTo("Change");
        }

        @Test
        void aDirectFactorNeedsAStatementAndACategory() {
            assertThatThrownBy(() -> factors.add(pm, new FactorInput(" ", null, null), as(owner)))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.byField()).containsOnlyKeys("statement", "categoryId"));
            FactorView added = direct(pm, "Nobody owned the pool settings", "Process");
            assertThat(added.fromWhys()).isFalse();
            assertThat(factors.forPostmortem(pm))
                    .extracting(FactorView::statement)
                    .containsExactly(added.statement());
        }

        @Test
        void factorsAreListedInTheTaxonomysOrder() {
            direct(pm, "The alert went to an unwatched channel", "Communication");
            direct(pm, "The deploy changed the timeout", "Change");
            NodeView node = whys.addCause(pm, null, answer("The pool was too small"), as(owner));
            factors.markAnswer(pm, node.id(), new FactorInput(null, category("Capacity"), ""), as(owner));
            assertThat(factors.forPostmortem(pm))
                    .extracting(f -> f.category().name())
                    .containsExactly("Change", "Capacity", "Communication");
        }

        @Test
        void removingTheAnswerRemovesItsFactorAndUnmarkingKeepsTheAnswer() {
            NodeView gone = whys.addCause(pm, null, answer("The pool was too small"), as(owner));
            NodeView kept = whys.addCause(pm, null, answer("Retries doubled the load"), as(owner));
            factors.markAnswer(pm, gone.id(), new FactorInput(null, category("Capacity"), ""), as(owner));
            factors.markAnswer(pm, kept.id(), new FactorInput(null, category("Tooling"), ""), as(owner));

            whys.remove(pm, gone.id(), as(owner));
            factors.unmarkAnswer(pm, kept.id());

            assertThat(factors.forPostmortem(pm)).isEmpty();
            assertThat(whys.tree(pm, owner.id()).nodes())
                    .extracting(NodeView::id)
                    .containsExactly(kept.id());
        }

        @Test
        void aChangeNeedsTheVersionReadAndKeepsTheStatementOfAnAnswersFactor() {
            FactorView factor = direct(pm, "Nobody owned the pool settings", "Process");
            FactorView revised = factors.revise(
                    pm,
                    factor.id(),
                    factor.version(),
                    new FactorInput(null, null, "Ownership moved in May"),
                    as(owner));
            assertThat(revised.note()).isEqualTo("Ownership moved in May");
            assertThat(revised.statement()).isEqualTo("Nobody owned the pool settings");
            assertThatThrownBy(() -> factors.revise(
                            pm, factor.id(), factor.version(), new FactorInput("Other", null, null), as(owner)))
                    .isInstanceOf(StaleVersionException.class);

            NodeView node = whys.addCause(pm, null, answer("The pool was too small"), as(owner));
            FactorView marked =
                    factors.markAnswer(pm, node.id(), new FactorInput(null, category("Capacity"), ""), as(owner));
            assertThatThrownBy(() -> factors.revise(
                            pm,
                            marked.id(),
                            marked.version(),
                            new FactorInput("Something else", null, null),
                            as(owner)))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.byField())
                                    .containsEntry(
                                            "statement",
                                            "comes from the why-answer it was marked on: change the answer in the five whys"));
        }
    }

    @Nested
    @DisplayName("The taxonomy")
    class Taxonomy {

        @Test
        void startsWithTheTenDefaults() {
            assertThat(categories.all())
                    .extracting(CategoryView::name)
                    .startsWith(
                            "Change",
                            "Capacity",
                            "Dependency",
                            "Detection & monitoring",
                            "Process",
                            "Knowledge & training",
                            "Communication",
                            "Tooling",
                            "Hardware",
                            "Security");
        }

        @Test
        void adminsAddRenameAndRetireCategoriesWhichStayOnOldFactors() {
            String name = "Vendor " + UUID.randomUUID().toString().substring(0, 6);
            CategoryView added = categories.add(name);
            FactorView old = factors.add(pm, new FactorInput("The vendor's API changed", added.id(), ""), as(owner));

            CategoryView renamed = categories.rename(added.id(), name + " contracts");
            assertThat(factors.find(pm, old.id()).category().name()).isEqualTo(name + " contracts");

            categories.retire(added.id(), true);
            assertThat(categories.active()).extracting(CategoryView::id).doesNotContain(added.id());
            FactorView kept = factors.find(pm, old.id());
            assertThat(kept.category().retired()).isTrue();
            assertThat(factors.revise(pm, old.id(), kept.version(), new FactorInput(null, null, "still"), as(owner))
                            .category()
                            .id())
                    .as("a factor keeps its retired category")
                    .isEqualTo(renamed.id());
            assertThatThrownBy(
                            () -> factors.add(pm, new FactorInput("Another vendor change", added.id(), ""), as(owner)))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.byField().get("categoryId")).contains("is retired"));

            categories.retire(added.id(), false);
            assertThat(categories.active()).extracting(CategoryView::id).contains(added.id());
        }

        @Test
        void twoCategoriesCannotDifferOnlyByCase() {
            assertThatThrownBy(() -> categories.add("  capacity "))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.byField()).containsEntry("name", "is taken by \"Capacity\""));
            assertThatThrownBy(() -> categories.add("")).isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    @DisplayName("Across postmortems")
    class Search {

        @Test
        void filtersByCategoryTeamKindSeverityAndDatesAndCountsEachCategory() {
            Instant may = LocalDate.of(2026, 5, 10).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant june = LocalDate.of(2026, 6, 20).atStartOfDay().toInstant(ZoneOffset.UTC);
            long sev1 = WhysFixtures.postmortem(
                            incidents, postmortems, owner, null, team, IncidentKind.SYSTEM, Severity.SEV1, may)
                    .id();
            long process = WhysFixtures.postmortem(
                            incidents, postmortems, owner, null, team, IncidentKind.PROCESS, Severity.SEV3, june)
                    .id();
            direct(sev1, "The pool was too small", "Capacity");
            direct(sev1, "The deploy changed the timeout", "Change");
            direct(process, "The handover missed the pool change", "Capacity");
            direct(pm, "The alert went to an unwatched channel", "Communication");

            FactorSearch all = factors.search(new FactorFilter(null, team, null, null, null, null));
            assertThat(all.factors()).hasSize(4);
            assertThat(count(all, "Capacity")).isEqualTo(2);
            assertThat(count(all, "Communication")).isEqualTo(1);

            FactorSearch capacity =
                    factors.search(new FactorFilter(category("Capacity"), team, null, null, null, null));
            assertThat(capacity.factors())
                    .extracting(FactorView::statement)
                    .containsExactly("The handover missed the pool change", "The pool was too small");
            assertThat(count(capacity, "Change"))
                    .as("counts ignore the category filter")
                    .isEqualTo(1);

            assertThat(factors.search(new FactorFilter(null, team, null, Severity.SEV1, null, null))
                            .factors())
                    .extracting(FactorView::postmortemId)
                    .containsOnly(sev1);
            assertThat(factors.search(new FactorFilter(null, team, IncidentKind.PROCESS, null, null, null))
                            .factors())
                    .extracting(FactorView::postmortemId)
                    .containsOnly(process);
            FactorSearch inMay = factors.search(
                    new FactorFilter(null, team, null, null, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)));
            assertThat(inMay.factors()).extracting(FactorView::postmortemId).containsOnly(sev1);
            FactorSearch fromJune =
                    factors.search(new FactorFilter(null, team, null, null, LocalDate.of(2026, 6, 20), null));
            assertThat(fromJune.factors())
                    .extracting(FactorView::postmortemId)
                    .contains(process)
                    .doesNotContain(sev1);
            assertThat(factors.search(new FactorFilter(null, "No such team", null, null, null, null))
                            .factors())
                    .isEmpty();
        }

        @Test
        void followsTheIncidentWhenItIsRevised() throws Exception {
            PostmortemView view = postmortems.find(pm);
            direct(pm, "The alert went to an unwatched channel", "Communication");
            var incident = incidents.find(view.incidentKey());
            var details = incident.details();
            incidents.revise(
                    incident.key(),
                    incident.version(),
                    new org.kintsugi.incident.IncidentDetails(
                            details.title(),
                            details.summary(),
                            details.kind(),
                            Severity.SEV1,
                            details.impact(),
                            details.peopleAffected(),
                            details.services(),
                            details.teams(),
                            details.startedAt(),
                            details.detectedAt(),
                            details.acknowledgedAt(),
                            details.mitigatedAt(),
                            details.resolvedAt()),
                    owner.displayName());
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(
                                    factors.search(new FactorFilter(null, team, null, Severity.SEV1, null, null))
                                            .factors())
                            .hasSize(1));
        }

        int count(FactorSearch search, String category) {
            return search.counts().stream()
                    .filter(c -> c.category().name().equals(category))
                    .mapToInt(FactorSearch.Count::count)
                    .sum();
        }
    }

    @Test
    void publishingCarriesTheFactorsInTheEvent() {
        UserView reviewer = people.member();
        NodeView node = whys.addCause(pm, null, answer("The pool was sized for last year"), as(owner));
        factors.markAnswer(pm, node.id(), new FactorInput(null, category("Capacity"), ""), as(owner));
        direct(pm, "Nobody owned the pool settings", "Process");
        for (PostmortemView.Section section : postmortems.find(pm).missing()) {
            postmortems.write(pm, section.key(), section.version(), "Written.", owner.displayName());
        }
        review.submit(pm, as(owner));
        review.approve(pm, as(reviewer), List.of(), "");
        review.publish(pm, as(owner));

        assertThat(events.stream(PostmortemPublished.class))
                .filteredOn(e -> e.postmortemId() == pm)
                .singleElement()
                .extracting(PostmortemPublished::factors)
                .isEqualTo(List.of(
                        new PostmortemPublished.Factor("Capacity", "The pool was sized for last year"),
                        new PostmortemPublished.Factor("Process", "Nobody owned the pool settings")));
    }
}
