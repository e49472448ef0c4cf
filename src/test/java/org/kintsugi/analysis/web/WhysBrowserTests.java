package org.kintsugi.analysis.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kintsugi.analysis.WhysFixtures.answer;
import static org.kintsugi.analysis.WhysFixtures.as;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kintsugi.analysis.WhysFixtures;
import org.kintsugi.analysis.factors.ContributingFactors;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.factors.FactorInput;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.analysis.whys.NodeView;
import org.kintsugi.analysis.whys.TreeDiagram;
import org.kintsugi.analysis.whys.TreeLayout;
import org.kintsugi.identity.NewUser;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.TimelineKind;
import org.kintsugi.postmortem.timeline.TimelineEntry;
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Build a five-whys tree with two branches in a real Chromium, vote, choose the path, make an action item from an
 * answer, and move through the tree with the arrow keys; see another person's vote arrive without a reload; then look
 * at a tree of 60 answers and at the factors across postmortems.
 */
@KintsugiServerTest
class WhysBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    PostmortemTimeline timeline;

    @Autowired
    FiveWhys whys;

    @Autowired
    ContributingFactors factors;

    @Autowired
    FactorCategories categories;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static Locator item(Page page, long nodeId) {
        return page.locator("#why-node-" + nodeId);
    }

    static String focused(Page page) {
        return (String) page.evaluate("document.activeElement && document.activeElement.id");
    }

    static void addAnswer(Page page, String text) {
        page.locator("#why-add-answer").fill(text);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the answer"))
                .click();
        assertThat(page.locator("#why-panel .why-answer")).hasText(text);
    }

    /** Open an answer by clicking its box in the drawing. */
    static void open(Page page, String answer) {
        page.locator(".why-diagram [role=treeitem][aria-label^=\"Why? " + answer + "\"] > rect")
                .click();
        assertThat(page.locator("#why-panel .why-answer")).hasText(answer);
    }

    long idOf(Page page, String answer) {
        return Long.parseLong(page.locator(".why-diagram [role=treeitem][aria-label^=\"Why? " + answer + "\"]")
                .getAttribute("data-node"));
    }

    @Test
    void buildVoteChooseActAndMoveWithTheKeyboard() {
        UserView lead = users.add(new NewUser("lee.whys@kintsugi.test", "Lee Lead", TestPeople.PASSWORD, Role.MEMBER));
        UserView mo = users.add(new NewUser("mo.whys@kintsugi.test", "Mo Member", TestPeople.PASSWORD, Role.MEMBER));
        long pm = WhysFixtures.postmortem(incidents, postmortems, lead, "Five whys analysis", "Payments")
                .id();
        timeline.add(
                pm,
                new TimelineEntry(Instant.now(), "Pool saturation alert fired", TimelineKind.DETECTION, "", false),
                lead.displayName());

        Page page = browser.newPage();
        List<String> errors = new ArrayList<>();
        page.onConsoleMessage(message -> {
            // A failed load is told by the response listener, with its address.
            if (message.type().equals("error") && !message.text().startsWith("Failed to load resource")) {
                errors.add(message.text());
            }
        });
        page.onPageError(errors::add);
        page.onResponse(response -> {
            if (response.status() >= 400) {
                errors.add(response.status() + " " + response.url());
            }
        });
        Browser.signIn(page, url(""), lead.email(), TestPeople.PASSWORD);
        page.navigate(url("/postmortems/" + pm));
        assertThat(page.locator("#section-five-whys svg[role=tree]")).isVisible();
        assertThat(page.locator("#why-panel h3")).hasText("Problem statement");

        // Two branches under the problem statement, the first one two answers deep.
        addAnswer(page, "The payment service timed out");
        item(page, 0).locator("> rect").click();
        assertThat(page.locator("#why-panel h3")).hasText("Problem statement");
        addAnswer(page, "A deploy went out during peak traffic");
        open(page, "The payment service timed out");
        page.locator("#why-add-answer").fill("The connection pool was exhausted");
        page.getByText("Evidence").last().click();
        page.getByLabel("Pool saturation alert fired", new Page.GetByLabelOptions().setExact(false))
                .last()
                .check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the answer"))
                .click();
        assertThat(page.locator("#why-panel .why-answer")).hasText("The connection pool was exhausted");
        assertThat(page.locator("#why-panel .why-evidence")).containsText("Pool saturation alert fired");
        addAnswer(page, "The pool was sized for last year's traffic");
        assertThat(page.locator(".why-diagram [role=treeitem]")).hasCount(5);
        assertThat(page.locator(".why-budget")).containsText("4 answers, 3 levels deep");

        // Two votes on one answer; the counts change on the panel and in the tree without a reload.
        open(page, "The connection pool was exhausted");
        long pool = idOf(page, "The connection pool was exhausted");
        Locator vote = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vote for this answer"));
        vote.click();
        assertThat(page.locator(".why-count")).hasText("1 vote");
        vote.click();
        assertThat(page.locator(".why-count")).hasText("2 votes");
        assertThat(item(page, pool)).hasAttribute("aria-label", java.util.regex.Pattern.compile("2 votes, 2 of them"));
        assertThat(page.locator(".why-budget")).containsText("you have 1 of 3 votes left");
        assertThat(vote).isDisabled();

        // Someone else votes at the same time; the tree shows it within a poll.
        whys.vote(pm, pool, as(mo));
        assertThat(item(page, pool))
                .hasAttribute(
                        "aria-label",
                        java.util.regex.Pattern.compile("3 votes"),
                        new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));

        // The owner chooses the deepest answer: it and the whys above it are the path.
        open(page, "The pool was sized for last year's traffic");
        long deepest = idOf(page, "The pool was sized for last year's traffic");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as the chosen path"))
                .click();
        assertThat(page.locator("#why-panel .why-chip.chosen")).hasText("Chosen");
        assertThat(page.locator(".why-budget")).containsText("1 chosen path");
        assertThat(item(page, pool)).hasAttribute("aria-label", java.util.regex.Pattern.compile("On the chosen path"));

        // The answer becomes an action item, which the postmortem lists and which links back.
        Locator panel = page.locator("#why-panel");
        panel.getByText("Make an action item").click();
        panel.getByLabel("What will we do?").fill("Size the pool from this year's peak");
        panel.getByLabel("How will we know it worked?").fill("No pool saturation at the next peak");
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Propose the action item"))
                .click();
        assertThat(page.locator("#why-panel .why-chip.action"))
                .hasText("Action item: Size the pool from this year's peak (Proposed)");
        assertThat(page.locator("#why-panel .alert.notice")).containsText("Proposed action item");
        Browser.screenshot(page, "whys-journey-panel");

        // Move through the tree with the keyboard and open an answer with Enter.
        item(page, 0).focus();
        page.keyboard().press("ArrowDown");
        long first = idOf(page, "The payment service timed out");
        long second = idOf(page, "A deploy went out during peak traffic");
        assertThat(focused(page)).isEqualTo("why-node-" + first);
        page.keyboard().press("ArrowRight");
        assertThat(focused(page)).isEqualTo("why-node-" + second);
        page.keyboard().press("ArrowLeft");
        page.keyboard().press("ArrowDown");
        assertThat(focused(page)).isEqualTo("why-node-" + pool);
        page.keyboard().press("ArrowDown");
        assertThat(focused(page)).isEqualTo("why-node-" + deepest);
        page.keyboard().press("ArrowUp");
        page.keyboard().press("ArrowUp");
        assertThat(focused(page)).isEqualTo("why-node-" + first);
        assertThat(item(page, first)).hasAttribute("tabindex", "0");
        assertThat(item(page, 0)).hasAttribute("tabindex", "-1");
        page.keyboard().press("ArrowRight");
        page.keyboard().press("Enter");
        assertThat(page.locator("#why-panel .why-answer")).hasText("A deploy went out during peak traffic");
        assertThat(page.locator("#why-panel-heading")).isFocused();
        page.keyboard().press("Escape");
        assertThat(item(page, second)).isFocused();

        page.navigate(url("/postmortems/" + pm));
        assertThat(page.locator("#action-items")).containsText("Size the pool from this year's peak");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Size the pool from this year's peak"))
                .first()
                .click();
        assertThat(page.locator("body")).containsText("/postmortems/" + pm + "/whys/nodes/" + deepest);
        assertThat(errors).isEmpty();
    }

    @Test
    void screenshotsOfATenAnswerTreeASixtyAnswerTreeAndTheFactors() {
        UserView lead =
                users.add(new NewUser("ada.shots@kintsugi.test", "Ada Shots", TestPeople.PASSWORD, Role.MEMBER));
        long ten = WhysFixtures.postmortem(incidents, postmortems, lead, "Five whys analysis", "Checkout")
                .id();
        tenAnswers(ten, lead);
        long sixty = WhysFixtures.postmortem(
                        incidents,
                        postmortems,
                        lead,
                        "SRE postmortem",
                        "Search",
                        IncidentKind.SYSTEM,
                        Severity.SEV1,
                        Instant.now().minusSeconds(86_400 * 20))
                .id();
        sixtyAnswers(sixty, lead);

        Page page = browser.newPage();
        Browser.signIn(page, url(""), lead.email(), TestPeople.PASSWORD);
        page.navigate(url("/postmortems/" + ten));
        assertThat(page.locator(".why-diagram [role=treeitem]")).hasCount(11);
        page.locator("#section-five-whys").scrollIntoViewIfNeeded();
        page.locator("#section-five-whys")
                .screenshot(new Locator.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("whys-tree-10.png")));

        page.navigate(url("/postmortems/" + sixty));
        assertThat(page.locator(".why-diagram [role=treeitem]")).hasCount(61);
        // What a reader sees first: the drawing scrolled to the problem statement.
        page.locator(".why-budget").evaluate("e => e.scrollIntoView()");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("whys-tree-60-on-page.png")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fit the tree to the width"))
                .click();
        assertThat(page.locator(".why-scroll")).hasClass(java.util.regex.Pattern.compile("fit"));
        page.locator(".why-scroll")
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(Browser.SCREENSHOTS.resolve("whys-tree-60-fitted.png")));
        // The whole drawing at full size, as the HTML export draws it.
        var tree = whys.tree(sixty, lead.id());
        var layout = TreeLayout.of(tree.nodes());
        Page whole = browser.newPage();
        whole.setViewportSize(layout.width(), layout.height());
        whole.setContent("<!DOCTYPE html><html><body style=\"margin:0\">"
                + TreeDiagram.svg(tree, layout, TreeDiagram.Mode.EXPORT) + "</body></html>");
        Browser.screenshot(whole, "whys-tree-60-whole");

        page.navigate(url("/factors"));
        assertThat(page.locator(".factor-chart svg")).isVisible();
        Browser.screenshot(page, "factors-page");
    }

    void tenAnswers(long pm, UserView lead) {
        NodeView timeouts = whys.addCause(pm, null, answer("The payment service timed out"), as(lead));
        NodeView deploy = whys.addCause(pm, null, answer("A deploy went out during peak traffic"), as(lead));
        NodeView pool = whys.addCause(pm, timeouts.id(), answer("The connection pool was exhausted"), as(lead));
        NodeView retries = whys.addCause(pm, timeouts.id(), answer("Client retries doubled the load"), as(lead));
        NodeView sizing = whys.addCause(pm, pool.id(), answer("The pool was sized for last year's traffic"), as(lead));
        whys.addCause(pm, sizing.id(), answer("Nobody reviews pool sizes when the traffic forecast changes"), as(lead));
        whys.addCause(pm, retries.id(), answer("Retries have no jitter or budget"), as(lead));
        whys.addCause(pm, deploy.id(), answer("The release calendar did not know about the sale"), as(lead));
        whys.addCause(pm, deploy.id(), answer("Operator should have checked the dashboard first"), as(lead));
        whys.addCause(pm, pool.id(), answer("Saturation was not alerted on"), as(lead));
        whys.vote(pm, pool.id(), as(lead));
        whys.vote(pm, pool.id(), as(lead));
        whys.vote(pm, retries.id(), as(lead));
        whys.choose(pm, sizing.id(), true, as(lead));
        factors.markAnswer(
                pm,
                sizing.id(),
                new FactorInput(null, categories.named("Capacity").orElseThrow().id(), ""),
                as(lead));
        factors.add(
                pm,
                new FactorInput(
                        "The sale was not on the release calendar",
                        categories.named("Communication").orElseThrow().id(),
                        ""),
                as(lead));
    }

    void sixtyAnswers(long pm, UserView lead) {
        Random random = new Random(42);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            Long parent = i <= 4 || random.nextInt(8) == 0 ? null : ids.get(random.nextInt(ids.size()));
            ids.add(whys.addCause(
                            pm,
                            parent,
                            answer("Answer " + i + ": a condition that made the next one possible"),
                            as(lead))
                    .id());
        }
        factors.markAnswer(
                pm,
                ids.get(10),
                new FactorInput(null, categories.named("Tooling").orElseThrow().id(), ""),
                as(lead));
        factors.markAnswer(
                pm,
                ids.get(20),
                new FactorInput(null, categories.named("Capacity").orElseThrow().id(), ""),
                as(lead));
        whys.choose(pm, ids.get(59), true, as(lead));
    }
}
