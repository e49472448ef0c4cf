package org.kintsugi.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kintsugi.analysis.WhysFixtures.answer;
import static org.kintsugi.analysis.WhysFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.analysis.WhysFixtures;
import org.kintsugi.analysis.factors.ContributingFactors;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.factors.FactorInput;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.analysis.whys.NodeView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The five whys and the factors on a postmortem's page, in its exports, and the htmx fragments behind them. */
@KintsugiAppTest
class WhysPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    FiveWhys whys;

    @Autowired
    ContributingFactors factors;

    @Autowired
    FactorCategories categories;

    UserView owner;

    @BeforeEach
    void owner() {
        owner = people.member();
    }

    long postmortem(String template) {
        return WhysFixtures.postmortem(incidents, postmortems, owner, template, "Payments")
                .id();
    }

    MvcTestResult get(String uri, boolean htmx) {
        var request = mvc.get().uri(uri).with(user(KintsugiPrincipal.of(owner)));
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        return request.exchange();
    }

    MvcTestResult post(String uri, boolean htmx, String... params) {
        var request =
                mvc.post().uri(uri).with(user(KintsugiPrincipal.of(owner))).with(csrf());
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static Document html(MvcTestResult result) throws Exception {
        return Jsoup.parse(body(result));
    }

    @Nested
    @DisplayName("Where they show on the page")
    class Placement {

        @Test
        void underFiveWhysAndRootCauseOnTheFiveWhysTemplate() throws Exception {
            long pm = postmortem("Five whys analysis");
            Document page = html(get("/postmortems/" + pm, false));
            assertThat(page.select("#section-five-whys .why-diagram[role=tree]"))
                    .hasSize(1);
            assertThat(page.select("#section-root-causes #factors")).hasSize(1);
        }

        @Test
        void underRootCausesOnTheSreTemplate() throws Exception {
            long pm = postmortem("SRE postmortem");
            Document page = html(get("/postmortems/" + pm, false));
            assertThat(page.select("#section-root-causes .why-diagram")).hasSize(1);
            assertThat(page.select("#section-root-causes #factors")).hasSize(1);
        }

        @Test
        void bothUnderContributingFactorsOnTheBlamelessDebrief() throws Exception {
            long pm = postmortem("Blameless debrief");
            Document page = html(get("/postmortems/" + pm, false));
            assertThat(page.select("#section-contributing-factors .why-diagram"))
                    .hasSize(1);
            assertThat(page.select("#section-contributing-factors #factors")).hasSize(1);
        }

        @Test
        void inSectionsOfTheirOwnOnARetrospective() throws Exception {
            long pm = postmortem("Routine retrospective");
            Document page = html(get("/postmortems/" + pm, false));
            assertThat(page.select("#section-five-whys h2").text()).isEqualTo("Five whys");
            assertThat(page.select("#section-five-whys .why-diagram")).hasSize(1);
            assertThat(page.select("#section-contributing-factors h2").text()).isEqualTo("Contributing factors");
        }
    }

    @Nested
    @DisplayName("The tree on the page")
    class Tree {

        @Test
        void drawsEveryAnswerAsATreeItemWithTheProblemStatementOnTop() throws Exception {
            long pm = postmortem("Five whys analysis");
            NodeView top = whys.addCause(pm, null, answer("The payment service timed out"), as(owner));
            whys.addCause(pm, top.id(), answer("The connection pool was exhausted"), as(owner));
            Document page = html(get("/postmortems/" + pm, false));
            Element tree = page.selectFirst("#section-five-whys svg[role=tree]");
            assertThat(tree.select("[role=treeitem]")).hasSize(3);
            assertThat(tree.selectFirst("#why-node-0").attr("aria-label")).isEqualTo("Problem: " + WhysFixtures.IMPACT);
            assertThat(tree.selectFirst("#why-node-" + top.id()).attr("aria-level"))
                    .isEqualTo("2");
            assertThat(page.select(".why-budget").text()).contains("2 answers", "you have 3 of 3 votes left");
            assertThat(page.select(".why-list a").eachText())
                    .containsExactly("The payment service timed out", "The connection pool was exhausted");
        }

        @Test
        void aPollGetsNothingWhileTheTreeIsTheSameAndTheNewTreeAfterAChange() throws Exception {
            long pm = postmortem("Five whys analysis");
            Document page = html(get("/postmortems/" + pm, false));
            String poll = page.selectFirst("#why-tree").attr("hx-get");
            assertThat(get(poll, true)).hasStatus(HttpStatus.NO_CONTENT);
            whys.addCause(pm, null, answer("Someone else's answer, added meanwhile"), as(people.member()));
            MvcTestResult changed = get(poll, true);
            assertThat(changed).hasStatusOk();
            assertThat(body(changed)).contains("Someone else&#39;s answer", "id=\"why-tree\"");
        }

        @Test
        void anAnswerOpensInThePanelWithTheCoachsFindingsMarked() throws Exception {
            long pm = postmortem("Five whys analysis");
            NodeView blame = whys.addCause(
                    pm, null, answer("Bob should have checked the dashboard before deploying"), as(owner));
            Document panel = html(get("/postmortems/" + pm + "/whys/nodes/" + blame.id(), true));
            assertThat(panel.select("html > body > section.why-panel-body")).hasSize(1);
            assertThat(panel.select("mark.coach-mark")).isNotEmpty();
            Element tip =
                    panel.getElementById(panel.selectFirst("mark.coach-mark").attr("aria-describedby"));
            assertThat(tip).isNotNull();
            assertThat(tip.text()).contains("Try:");
            assertThat(panel.select(".why-findings li")).isNotEmpty();

            Document own = html(get("/postmortems/" + pm + "/whys/nodes/" + blame.id(), false));
            assertThat(own.select("h1").text()).startsWith("Five whys of");
            assertThat(own.select("#why-panel mark.coach-mark")).isNotEmpty();
        }

        @Test
        void aVoteAnswersWithThePanelAndTheTreeRedrawnOutOfBand() throws Exception {
            long pm = postmortem("Five whys analysis");
            NodeView node = whys.addCause(pm, null, answer("The payment service timed out"), as(owner));
            MvcTestResult voted = post("/postmortems/" + pm + "/whys/nodes/" + node.id() + "/vote", true);
            assertThat(voted).hasStatusOk();
            Document response = html(voted);
            assertThat(response.select(".why-panel-body .alert.notice").text())
                    .isEqualTo("Voted. You have 2 votes left.");
            assertThat(response.select(".why-count").text()).isEqualTo("1 vote");
            Element tree = response.selectFirst("#why-tree");
            assertThat(tree.attr("hx-swap-oob")).isEqualTo("true");
            assertThat(tree.selectFirst("#why-node-" + node.id()).attr("aria-label"))
                    .contains("1 vote, 1 of them yours");

            post("/postmortems/" + pm + "/whys/nodes/" + node.id() + "/vote", true);
            Document third = html(post("/postmortems/" + pm + "/whys/nodes/" + node.id() + "/vote", true));
            assertThat(third.select(".alert.error").text()).contains("the most one person may give one answer");
        }

        @Test
        void anAnswersPanelOffersAnotherAnswerToTheSameWhyBesideAskingWhyAgain() throws Exception {
            long pm = postmortem("Five whys analysis");
            NodeView top = whys.addCause(pm, null, answer("The payment service timed out"), as(owner));
            NodeView deeper = whys.addCause(pm, top.id(), answer("The connection pool was exhausted"), as(owner));

            Document panel = html(get("/postmortems/" + pm + "/whys/nodes/" + deeper.id(), true));
            Element under = panel.getElementById("why-add-under");
            Element beside = panel.getElementById("why-add-beside");
            assertThat(under.attr("name")).isEqualTo("parentId");
            assertThat(under.val()).isEqualTo(String.valueOf(deeper.id()));
            assertThat(under.hasAttr("checked")).isTrue();
            assertThat(beside.attr("type")).isEqualTo("radio");
            assertThat(beside.val()).isEqualTo(String.valueOf(top.id()));
            assertThat(panel.selectFirst("label[for=why-add-beside]").text())
                    .contains("Add another answer to this why")
                    .contains("The payment service timed out");
            assertThat(panel.selectFirst("label[for=why-add-under]").text()).contains("Ask why again");

            Document topPanel = html(get("/postmortems/" + pm + "/whys/nodes/" + top.id(), true));
            assertThat(topPanel.getElementById("why-add-beside").val()).isEmpty();
            assertThat(topPanel.getElementById("why-add-beside").hasAttr("value"))
                    .isTrue();
            post("/postmortems/" + pm + "/whys/nodes", true, "parentId", "", "answer", "A deploy went out at peak");
            post(
                    "/postmortems/" + pm + "/whys/nodes",
                    true,
                    "parentId",
                    String.valueOf(top.id()),
                    "answer",
                    "The retry budget was spent");
            var tree = whys.tree(pm, owner.id());
            assertThat(tree.children(null))
                    .extracting(NodeView::answer)
                    .containsExactlyInAnyOrder("The payment service timed out", "A deploy went out at peak");
            assertThat(tree.children(top.id()))
                    .extracting(NodeView::answer)
                    .containsExactlyInAnyOrder("The connection pool was exhausted", "The retry budget was spent");

            Document problem = html(get("/postmortems/" + pm + "/whys/problem", true));
            assertThat(problem.select(".why-form h4").text()).isEqualTo("Add another answer to why this happened");
            assertThat(problem.select(".why-where").text()).contains("starts a branch of its own");
        }

        @Test
        void addingAnAnswerWithoutScriptsGoesToItsPageAndProblemsComeBackByField() throws Exception {
            long pm = postmortem("Five whys analysis");
            MvcTestResult added = post(
                    "/postmortems/" + pm + "/whys/nodes",
                    false,
                    "answer",
                    "The payment service timed out",
                    "links",
                    "https://grafana.example/d/pay Payment latency");
            assertThat(added).hasStatus3xxRedirection();
            String location = added.getResponse().getRedirectedUrl();
            assertThat(location).matches("/postmortems/" + pm + "/whys/nodes/\\d+");
            NodeView node = whys.tree(pm, owner.id()).nodes().getFirst();
            assertThat(node.evidence().getFirst().label()).isEqualTo("Payment latency");

            Document refused = html(post(
                    "/postmortems/" + pm + "/whys/nodes",
                    true,
                    "parentId",
                    String.valueOf(node.id()),
                    "answer",
                    "The pool was exhausted",
                    "links",
                    "ftp://logs.example/pool",
                    "accountEntries",
                    "twelve"));
            assertThat(refused.select(".alert.error").text()).contains("Some fields need attention");
            assertThat(refused.select(".field-error").eachText())
                    .anySatisfy(t -> assertThat(t).startsWith("Link must be an http or https address"))
                    .anySatisfy(
                            t -> assertThat(t).startsWith("Account entry must be an account entry as account:entry"));
            assertThat(refused.select("textarea[name=answer]").eachText()).contains("The pool was exhausted");
            assertThat(whys.tree(pm, owner.id()).nodes()).hasSize(1);
        }

        @Test
        void withoutScriptsARefusedChangeComesBackOnTheAnswersPage() throws Exception {
            long pm = postmortem("Five whys analysis");
            NodeView node = whys.addCause(pm, null, answer("The pool was sized for last year"), as(owner));
            String page = "/postmortems/" + pm + "/whys/nodes/" + node.id();

            MvcTestResult invalid = post(page + "/action", false, "title", "Size the pool", "dueDate", "soon");
            assertThat(invalid).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            Document shown = html(invalid);
            assertThat(shown.select(".alert.error").text()).contains("Some fields need attention");
            assertThat(shown.select(".field-error").eachText())
                    .anySatisfy(t -> assertThat(t).startsWith("Due date is required"));
            assertThat(shown.select("input[name=title]").attr("value")).isEqualTo("Size the pool");
            assertThat(shown.select("input[name=dueDate]").attr("value")).isEqualTo("soon");

            post(page + "/vote", false);
            post(page + "/vote", false);
            MvcTestResult refused = post(page + "/vote", false);
            assertThat(refused).hasStatus3xxRedirection();
            assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(page);
            assertThat(refused)
                    .flash()
                    .hasEntrySatisfying(
                            "problem",
                            problem ->
                                    assertThat(problem.toString()).contains("the most one person may give one answer"));
        }

        @Test
        void theOwnerChoosesThePathAndAnAnswerBecomesAnActionItem() throws Exception {
            long pm = postmortem("Five whys analysis");
            NodeView node = whys.addCause(pm, null, answer("The pool was sized for last year"), as(owner));
            Document chosen =
                    html(post("/postmortems/" + pm + "/whys/nodes/" + node.id() + "/choose", true, "chosen", "true"));
            assertThat(chosen.select(".why-chip.chosen").text()).isEqualTo("Chosen");
            assertThat(chosen.selectFirst("#why-tree").text()).contains("1 chosen path");

            Document acted = html(post(
                    "/postmortems/" + pm + "/whys/nodes/" + node.id() + "/action",
                    true,
                    "title",
                    "Size the pool from this year's peak",
                    "ownerId",
                    String.valueOf(owner.id()),
                    "dueDate",
                    java.time.LocalDate.now().plusDays(14).toString(),
                    "priority",
                    "P2",
                    "type",
                    "PREVENT",
                    "verification",
                    "No saturation at the next peak"));
            assertThat(acted.select(".why-chip.action").text())
                    .isEqualTo("Action item: Size the pool from this year's peak (Proposed)");
        }
    }

    @Nested
    @DisplayName("Exports")
    class Exports {

        long pm;
        NodeView top;

        @BeforeEach
        void tree() {
            pm = postmortem("Five whys analysis");
            top = whys.addCause(pm, null, answer("The payment service timed out"), as(owner));
            NodeView pool = whys.addCause(pm, top.id(), answer("The pool was *exhausted*"), as(owner));
            whys.addCause(pm, pool.id(), answer("It was sized for last year"), as(owner));
            whys.choose(pm, pool.id(), true, as(owner));
            factors.markAnswer(
                    pm,
                    pool.id(),
                    new FactorInput(
                            null, categories.named("Capacity").orElseThrow().id(), ""),
                    as(owner));
        }

        @Test
        void markdownHasTheTreeAsAnIndentedList() throws Exception {
            String markdown = body(get("/postmortems/" + pm + "/export?format=markdown", false));
            assertThat(markdown)
                    .contains("**Problem:** " + WhysFixtures.IMPACT)
                    .contains("- Why? The payment service timed out *(0 votes; on the chosen path)*\n")
                    .contains(
                            "  - Why? The pool was \\*exhausted\\* *(0 votes; chosen; contributing factor: Capacity)*\n")
                    .contains("    - Why? It was sized for last year *(0 votes)*\n")
                    .contains("- **Capacity:** The pool was \\*exhausted\\* *(from the five whys)*");
        }

        @Test
        void htmlHasTheTreeDrawnAndThePdfIsMade() throws Exception {
            Document exported = html(get("/postmortems/" + pm + "/export?format=html", false));
            Element svg = exported.selectFirst(".why-diagram-export svg");
            assertThat(svg).isNotNull();
            assertThat(svg.select("g.why-node")).hasSize(3);
            assertThat(exported.select("li").eachText())
                    .anySatisfy(t -> assertThat(t).startsWith("Why? The payment service timed out"));
            MvcTestResult pdf = get("/postmortems/" + pm + "/export?format=pdf", false);
            assertThat(pdf).hasStatusOk();
            try (var document =
                    org.apache.pdfbox.Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                assertThat(text).contains("Why? The payment service timed out");
                // The drawing is drawn, not spilled out as its words: without an SVG drawer they would show here.
                assertThat(text).doesNotContain("PROBLEM", "WHY?");
            }
        }
    }

    static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }
}
