package org.kintsugi.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kintsugi.analysis.WhysFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.analysis.WhysFixtures;
import org.kintsugi.analysis.factors.ContributingFactors;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.factors.FactorInput;
import org.kintsugi.analysis.whys.VoteBudget;
import org.kintsugi.analysis.whys.VotingRules;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The factors on a postmortem's page, the /factors page across postmortems, and the admin page. */
@KintsugiAppTest
class FactorsPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    ContributingFactors factors;

    @Autowired
    FactorCategories categories;

    @Autowired
    VotingRules voting;

    UserView owner;
    String team;
    long pm;

    @BeforeEach
    void postmortem() {
        owner = people.member();
        team = "Team-" + UUID.randomUUID().toString().substring(0, 8);
        pm = WhysFixtures.postmortem(incidents, postmortems, owner, "Blameless debrief", team)
                .id();
    }

    long category(String name) {
        return categories.named(name).orElseThrow().id();
    }

    MvcTestResult get(String uri, UserView as, boolean htmx) {
        var request = mvc.get().uri(uri).with(user(KintsugiPrincipal.of(as)));
        return (htmx ? request.header("HX-Request", "true") : request).exchange();
    }

    MvcTestResult post(String uri, UserView as, String... params) {
        var request = mvc.post().uri(uri).with(user(KintsugiPrincipal.of(as))).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    static Document html(MvcTestResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aFactorIsAddedOnThePostmortemsPageAndListedByCategory() throws Exception {
        MvcTestResult added = post(
                "/postmortems/" + pm + "/factors",
                owner,
                "statement",
                "The alert went to an unwatched channel",
                "categoryId",
                String.valueOf(category("Communication")),
                "note",
                "Moved in the spring");
        assertThat(added).hasStatus3xxRedirection().hasRedirectedUrl("/postmortems/" + pm + "#factors");
        MvcTestResult refused = post("/postmortems/" + pm + "/factors", owner, "statement", "No category");
        assertThat(refused).flash().containsKey("problem");

        Document page = html(get("/postmortems/" + pm, owner, false));
        var list = page.select("#section-contributing-factors #factors .factor-list > li");
        assertThat(list).hasSize(1);
        assertThat(list.first().text()).contains("Communication", "The alert went to an unwatched channel");
        assertThat(page.select("#factors select[name=categoryId] option").eachText())
                .contains("Capacity", "Tooling");
    }

    @Nested
    @DisplayName("Across postmortems")
    class Across {

        @BeforeEach
        void factors() {
            factors.add(pm, new FactorInput("The pool was too small", category("Capacity"), ""), as(owner));
            factors.add(pm, new FactorInput("Nobody owned the settings", category("Process"), ""), as(owner));
        }

        @Test
        void listsTheFactorsWithACountPerCategoryDrawnAsBars() throws Exception {
            Document page = html(get("/factors?team=" + team, owner, false));
            assertThat(page.select("h1").text()).isEqualTo("Contributing factors");
            assertThat(page.select("#factor-results tbody tr")).hasSize(2);
            assertThat(page.select(".factor-chart svg title").text()).contains("Capacity 1", "Process 1", "Change 0");
            assertThat(page.select(".factor-chart rect.bar").size()).isGreaterThanOrEqualTo(10);

            Document capacity = html(get("/factors?team=" + team + "&category=" + category("Capacity"), owner, true));
            assertThat(capacity.select("main")).isEmpty();
            assertThat(capacity.select("#factor-results tbody tr").text()).contains("The pool was too small");
            assertThat(capacity.select("#factor-results tbody tr")).hasSize(1);
            assertThat(capacity.select(".factor-chart rect.bar.selected")).hasSize(1);
        }

        @Test
        void saysSoInsteadOfDrawingARowOfZerosWhenNoFactorMatches() throws Exception {
            Document page = html(get("/factors?team=" + team + "-none", owner, false));
            assertThat(page.select(".factor-chart svg")).isEmpty();
            assertThat(page.select("#factor-chart-empty").text()).contains("No contributing factors");
            assertThat(page.select("#factor-results .empty-state").text()).contains("No contributing factors match.");
        }

        @Test
        void saysWhichFilterItCouldNotRead() throws Exception {
            Document page = html(get("/factors?severity=SEV9&category=Nonsense", owner, false));
            assertThat(page.select("#factor-results .alert.error").text())
                    .contains("category 'Nonsense' is not a factor category", "severity 'SEV9' is not one of");
        }
    }

    @Nested
    @DisplayName("The admin page")
    class Admin {

        UserView admin;

        @BeforeEach
        void admin() {
            admin = people.add(Role.ADMIN);
        }

        @Test
        void isForAdminsOnly() {
            assertThat(get("/admin/analysis", owner, false)).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(get("/admin/analysis", admin, false)).hasStatusOk();
        }

        @Test
        void refusesABudgetOutOfRangeNamingTheField() throws Exception {
            MvcTestResult refused = post("/admin/analysis/voting", admin, "perPerson", "3", "perNode", "4");
            assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            Document page = html(refused);
            assertThat(page.select(".field-error").text())
                    .isEqualTo("Votes per answer cannot be more than the votes per person (3)");
            assertThat(page.select("#perNode").attr("value")).isEqualTo("4");
            assertThat(voting.current()).isEqualTo(VoteBudget.DEFAULT);
            try {
                assertThat(post("/admin/analysis/voting", admin, "perPerson", "4", "perNode", "2"))
                        .hasStatus3xxRedirection();
                assertThat(voting.current()).isEqualTo(new VoteBudget(4, 2));
            } finally {
                voting.change(VoteBudget.DEFAULT);
            }
        }

        @Test
        void addsRenamesAndRetiresCategories() throws Exception {
            String name = "Vendor " + UUID.randomUUID().toString().substring(0, 6);
            assertThat(post("/admin/analysis/categories", admin, "name", name)).hasStatus3xxRedirection();
            long id = category(name);
            assertThat(post("/admin/analysis/categories", admin, "name", "CAPACITY"))
                    .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            post("/admin/analysis/categories/" + id, admin, "name", name + " contracts");
            post("/admin/analysis/categories/" + id + "/retire", admin, "retired", "true");

            Document page = html(get("/admin/analysis", admin, false));
            var row = page.select("tr:has(input[value=" + name + " contracts])");
            assertThat(row.text()).contains("Retired");
            assertThat(row.select("button").last().text()).isEqualTo("Bring back");
            Document postmortem = html(get("/postmortems/" + pm, owner, false));
            assertThat(postmortem
                            .select("#factors select[name=categoryId] option")
                            .eachText())
                    .doesNotContain(name + " contracts");
        }
    }
}
