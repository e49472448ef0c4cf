package org.kintsugi.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kintsugi.analysis.WhysFixtures.answer;
import static org.kintsugi.analysis.WhysFixtures.as;
import static org.kintsugi.knowledge.SearchFixtures.declare;
import static org.kintsugi.knowledge.SearchFixtures.keys;
import static org.kintsugi.knowledge.SearchFixtures.until;
import static org.kintsugi.knowledge.SearchFixtures.word;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.analysis.account.AccountManagement;
import org.kintsugi.analysis.account.AccountView;
import org.kintsugi.analysis.account.EntryDraft;
import org.kintsugi.analysis.account.EntryKind;
import org.kintsugi.analysis.factors.CategoryView;
import org.kintsugi.analysis.factors.ContributingFactors;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.factors.FactorInput;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.TimelineKind;
import org.kintsugi.postmortem.timeline.TimelineEntry;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;

/** Search over everything people wrote: analysis, what is indexed, how the index follows changes, and bounds. */
@KintsugiAppTest
class KnowledgeSearchTests {

    @Autowired
    KnowledgeSearch search;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    PostmortemTimeline timeline;

    @Autowired
    AccountManagement accounts;

    @Autowired
    FiveWhys whys;

    @Autowired
    ContributingFactors factors;

    @Autowired
    FactorCategories categories;

    @Autowired
    TestPeople people;

    UserView member;
    String tag;

    @BeforeEach
    void person() {
        member = people.member();
        tag = word();
    }

    IncidentView incident(String title, String summary) {
        return declare(
                incidents,
                member,
                title,
                summary,
                IncidentKind.SYSTEM,
                Severity.SEV2,
                List.of(),
                List.of(),
                Instant.now().minus(2, ChronoUnit.DAYS));
    }

    PostmortemView postmortem(IncidentView incident) {
        return postmortems.start(incident.key(), null, as(member));
    }

    PostmortemView.Section write(PostmortemView pm, int section, String body) {
        PostmortemView.Section s = postmortems.find(pm.id()).sections().get(section);
        return postmortems.write(pm.id(), s.key(), s.version(), body, member.displayName());
    }

    @Nested
    @DisplayName("English analysis")
    class Analysis {

        @Test
        void findsOtherFormsOfAWordButNotStopWords() {
            IncidentView incident = incident(tag + " databases were failing over", "");
            SearchResults found = until(search, tag + " database failed", r -> r.total() == 1);
            assertThat(keys(found)).containsExactly(incident.key());
            assertThat(until(search, tag + " the database", r -> r.total() == 1).total())
                    .isEqualTo(1);
        }

        @Test
        void aPhraseInQuotesMatchesOnlyTheWordsInThatOrder() {
            IncidentView inOrder = incident(tag + " connection pool exhausted", "");
            IncidentView apart = incident(tag + " pool of connection workers", "");
            SearchResults phrase = until(search, tag + " \"connection pool\"", r -> r.total() >= 1);
            assertThat(keys(phrase)).containsExactly(inOrder.key());
            SearchResults words = until(search, tag + " connection pool", r -> r.total() == 2);
            assertThat(keys(words)).containsExactlyInAnyOrder(inOrder.key(), apart.key());
        }

        @Test
        void whileTypingTheLastWordMatchesAsAPrefix() {
            IncidentView incident = incident(tag + " kubernetes upgrade stalled", "");
            SearchQuery typing = new SearchQuery(
                    tag + " kuber",
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    SearchQuery.SearchSort.RELEVANCE,
                    1,
                    10,
                    true);
            assertThat(keys(until(search, typing, r -> r.total() == 1))).containsExactly(incident.key());
            assertThat(search.search(SearchQuery.of(tag + " kuber")).approximate())
                    .isFalse();
        }

        @Test
        void aTypoFindsApproximateMatchesAndSaysSo() {
            IncidentView incident = incident(tag + " certificate expired on the gateway", "");
            until(search, tag, r -> r.total() == 1);
            SearchResults typo = search.search(SearchQuery.of(tag + " certficate"));
            assertThat(typo.approximate()).isTrue();
            assertThat(keys(typo)).containsExactly(incident.key());
        }

        @Test
        void theTitleWeighsMoreThanTheBody() {
            IncidentView inBody = incident(tag + " slow pages", "The resolver was misconfigured for an hour.");
            IncidentView inTitle = incident(tag + " resolver misconfigured", "Pages were slow.");
            SearchResults found = until(search, tag + " resolver", r -> r.total() == 2);
            assertThat(keys(found)).containsExactly(inTitle.key(), inBody.key());
        }
    }

    @Nested
    @DisplayName("What is indexed")
    class Indexed {

        @Test
        void sectionsTimelineWhysFactorsAndActionsAreFoundWithTheirPartNamed() {
            IncidentView incident = incident(tag + " outage", "");
            PostmortemView pm = postmortem(incident);
            PostmortemView.Section section = write(
                    pm,
                    0,
                    "The failover script waited on a " + word() + " lock and a quietly" + " exhausted sectionword" + tag
                            + " pool.");
            timeline.add(
                    pm.id(),
                    new TimelineEntry(
                            Instant.now().minus(1, ChronoUnit.DAYS),
                            "Paged the timelineword" + tag + " rotation",
                            TimelineKind.ACTION,
                            "chat",
                            false),
                    member.displayName());
            whys.addCause(pm.id(), null, answer("The whyword" + tag + " alert had no owner"), as(member));
            factors.add(
                    pm.id(),
                    new FactorInput(
                            "Nobody owned factorword" + tag,
                            categories.named("Process").orElseThrow().id(),
                            ""),
                    as(member));

            SearchResults bySection = until(search, "sectionword" + tag, r -> r.total() == 1);
            assertThat(bySection.hits().getFirst().section()).isEqualTo(section.heading());
            assertThat(bySection.hits().getFirst().snippet()).contains("<mark>sectionword" + tag + "</mark>");
            assertThat(bySection.hits().getFirst().postmortemId()).isEqualTo(pm.id());
            assertThat(until(search, "timelineword" + tag, r -> r.total() == 1)
                            .hits()
                            .getFirst()
                            .section())
                    .isEqualTo("Timeline");
            assertThat(until(search, "whyword" + tag, r -> r.total() == 1)
                            .hits()
                            .getFirst()
                            .section())
                    .isEqualTo("Five whys");
            SearchResults byFactor = until(search, "factorword" + tag, r -> r.total() == 1);
            assertThat(byFactor.hits().getFirst().section()).isEqualTo("Contributing factors");
            assertThat(byFactor.facets().get("factor")).containsEntry("Process", 1L);
        }

        @Test
        void anAccountIsFoundOnlyOnceItsWriterSharesIt() {
            IncidentView incident = incident(tag + " outage", "");
            PostmortemView pm = postmortem(incident);
            String secret = "accountword" + tag;
            AccountView draft = accounts.start(
                    pm.id(),
                    as(member),
                    "I saw the " + secret + " dashboard go red.",
                    List.of(new EntryDraft(
                            Instant.now().minus(1, ChronoUnit.DAYS),
                            EntryKind.OBSERVED,
                            "Checked the " + secret + " graphs")));
            // The title is indexed first; once it is found, the draft would have been indexed too.
            until(search, tag, r -> r.total() == 1);
            write(pm, 0, "Something else " + word());
            until(search, tag, r -> r.total() == 1);
            assertThat(search.search(SearchQuery.of(secret)).total()).isZero();

            accounts.share(pm.id(), draft.id(), as(member), null);
            SearchResults shared = until(search, secret, r -> r.total() == 1);
            assertThat(shared.hits().getFirst().section()).isEqualTo("Personal accounts");
        }

        @Test
        void anEditedSectionIsFoundByItsNewWordsAndNoLongerByTheOld() {
            IncidentView incident = incident(tag + " outage", "");
            PostmortemView pm = postmortem(incident);
            String before = "oldword" + tag;
            String after = "newword" + tag;
            write(pm, 0, "The " + before + " cache filled up.");
            until(search, before, r -> r.total() == 1);
            write(pm, 0, "The " + after + " cache filled up.");
            until(search, after, r -> r.total() == 1);
            assertThat(search.search(SearchQuery.of(before)).total()).isZero();
        }

        @Test
        void renamingAFactorCategoryReindexesTheIncidentsThatUseIt() {
            IncidentView incident = incident(tag + " outage", "");
            PostmortemView pm = postmortem(incident);
            String before = "Handoffs " + tag;
            String after = "Ownership " + tag;
            CategoryView category = categories.add(before);
            factors.add(pm.id(), new FactorInput("Nobody owned the runbook", category.id(), ""), as(member));
            until(search, tag, r -> r.total() == 1 && r.facets().get("factor").containsKey(before));

            categories.rename(category.id(), after);

            SearchResults renamed =
                    until(search, tag, r -> r.facets().get("factor").containsKey(after));
            assertThat(renamed.facets().get("factor")).doesNotContainKey(before);
            SearchQuery byNewName = new SearchQuery(
                    tag,
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    null,
                    null,
                    after,
                    null,
                    null,
                    SearchQuery.SearchSort.RELEVANCE,
                    1,
                    20,
                    false);
            assertThat(keys(search.search(byNewName))).containsExactly(incident.key());
        }

        @Test
        void aRemovedTimelineEventIsNoLongerFound() {
            IncidentView incident = incident(tag + " outage", "");
            PostmortemView pm = postmortem(incident);
            String gone = "goneword" + tag;
            var event = timeline.add(
                    pm.id(),
                    new TimelineEntry(
                            Instant.now().minus(1, ChronoUnit.DAYS),
                            "Restarted the " + gone + " service",
                            TimelineKind.ACTION,
                            "chat",
                            false),
                    member.displayName());
            until(search, gone, r -> r.total() == 1);
            timeline.remove(pm.id(), event.id());
            until(search, gone, r -> r.total() == 0);
        }
    }

    @Nested
    @DisplayName("Facets and filters")
    class FacetsAndFilters {

        @Test
        void countsEachValueAndFiltersByIt() {
            Instant lastYear =
                    LocalDate.of(2024, 3, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
            IncidentView a = declare(
                    incidents,
                    member,
                    tag + " one",
                    "",
                    IncidentKind.SYSTEM,
                    Severity.SEV1,
                    List.of("checkout"),
                    List.of("payments"),
                    lastYear);
            IncidentView b = declare(
                    incidents,
                    member,
                    tag + " two",
                    "",
                    IncidentKind.PROCESS,
                    Severity.SEV3,
                    List.of("checkout", "search"),
                    List.of("platform"),
                    Instant.now().minus(1, ChronoUnit.DAYS));
            IncidentView c = declare(
                    incidents,
                    member,
                    tag + " three",
                    "",
                    IncidentKind.SYSTEM,
                    Severity.SEV3,
                    List.of(),
                    List.of("platform"),
                    Instant.now().minus(2, ChronoUnit.DAYS));
            SearchResults all = until(search, tag, r -> r.total() == 3);
            assertThat(all.facets().get("kind")).containsEntry("system", 2L).containsEntry("process", 1L);
            assertThat(all.facets().get("severity")).containsEntry("sev3", 2L).containsEntry("sev1", 1L);
            assertThat(all.facets().get("service"))
                    .containsEntry("checkout", 2L)
                    .containsEntry("search", 1L);
            assertThat(all.facets().get("team")).containsEntry("platform", 2L).containsEntry("payments", 1L);
            assertThat(all.facets().get("year")).containsEntry("2024", 1L);

            SearchQuery systemOnPlatform = new SearchQuery(
                    tag,
                    Set.of("system"),
                    Set.of(),
                    Set.of(),
                    null,
                    "platform",
                    null,
                    null,
                    null,
                    SearchQuery.SearchSort.NEWEST,
                    1,
                    10,
                    false);
            assertThat(keys(search.search(systemOnPlatform))).containsExactly(c.key());
            SearchQuery in2024 = new SearchQuery(
                    tag,
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    null,
                    null,
                    null,
                    LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 12, 31),
                    SearchQuery.SearchSort.NEWEST,
                    1,
                    10,
                    false);
            assertThat(keys(search.search(in2024))).containsExactly(a.key());
            SearchQuery newest = new SearchQuery(
                    tag,
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    "checkout",
                    null,
                    null,
                    null,
                    null,
                    SearchQuery.SearchSort.NEWEST,
                    1,
                    10,
                    false);
            assertThat(keys(search.search(newest))).containsExactly(b.key(), a.key());
        }

        @Test
        void pagesThroughResults() {
            for (int i = 0; i < 5; i++) {
                incident(tag + " item " + i, "");
            }
            until(search, tag, r -> r.total() == 5);
            SearchQuery second = new SearchQuery(
                    tag,
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    SearchQuery.SearchSort.NEWEST,
                    2,
                    2,
                    false);
            SearchResults page = search.search(second);
            assertThat(page.hits()).hasSize(2);
            assertThat(page.pages()).isEqualTo(3);
        }
    }

    @Nested
    @DisplayName("Bounds")
    class Bounds {

        @Test
        void refusesQueriesOutOfBoundsNamingTheField() {
            assertThatThrownBy(() -> search.search(new SearchQuery(
                            "x".repeat(501),
                            Set.of("weather"),
                            Set.of(),
                            Set.of(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            SearchQuery.SearchSort.RELEVANCE,
                            1,
                            101,
                            false)))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.byField()).containsOnlyKeys("q", "kind", "size"));
            assertThatThrownBy(() -> search.search(new SearchQuery(
                            "x",
                            Set.of(),
                            Set.of(),
                            Set.of(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            SearchQuery.SearchSort.RELEVANCE,
                            101,
                            100,
                            false)))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.byField().get("page")).contains("10000"));
        }
    }
}
