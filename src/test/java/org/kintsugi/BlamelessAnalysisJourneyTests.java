package org.kintsugi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionStatus;
import org.kintsugi.analysis.account.AccountFixtures;
import org.kintsugi.identity.NewUser;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.template.TemplateCatalogue;
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerClockTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The blameless analysis of one postmortem in a real Chromium: two people write accounts that disagree and share them;
 * the owner builds a five-whys tree with two branches, cites one account as evidence, votes, chooses the path and turns
 * an answer into an action item; and the language coach marks "Bob should have checked the dashboard" as it is typed.
 */
@KintsugiServerClockTest
class BlamelessAnalysisJourneyTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    TemplateCatalogue templates;

    @Autowired
    UserManagement users;

    @Autowired
    ActionManagement actions;

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

    static void click(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                .click();
    }

    Page signedIn(String email, long pm) {
        Page page = browser.newPage();
        Browser.signIn(page, url(""), email, TestPeople.PASSWORD);
        page.navigate(url("/postmortems/" + pm));
        return page;
    }

    /** Write an account with one observation, check it stays private, share it; return the page. */
    Page writeAndShare(long pm, String email, String narrative, String when, String observation) {
        Page page = signedIn(email, pm);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write your account"))
                .click();
        page.getByLabel("Narrative").fill(narrative);
        click(page, "Start your account");
        Locator add = page.locator("form.add-entry");
        add.getByLabel("When").fill(when);
        add.getByLabel("Kind").selectOption("observed");
        add.getByLabel("In your words").fill(observation);
        click(page, "Add entry");
        assertThat(page.locator(".account-entries")).containsText(observation);
        click(page, "Share your account");
        assertThat(page.locator(".alert.notice")).containsText("Shared your account");
        return page;
    }

    static void addAnswer(Page page, String text) {
        page.locator("#why-add-answer").fill(text);
        click(page, "Add the answer");
        assertThat(page.locator("#why-panel .why-answer")).hasText(text);
    }

    static Locator box(Page page, String answer) {
        return page.locator(".why-diagram [role=treeitem][aria-label^=\"Why? " + answer + "\"]");
    }

    static void open(Page page, String answer) {
        box(page, answer).locator("> rect").click();
        assertThat(page.locator("#why-panel .why-answer")).hasText(answer);
    }

    @Test
    void accountsDisagreeTheTreeChoosesAPathAndTheCoachReframesBlame() {
        UserView lead = users.add(new NewUser("kim.lead@kintsugi.test", "Kim Lead", TestPeople.PASSWORD, Role.MEMBER));
        users.add(new NewUser("ana.oncall@kintsugi.test", "Ana Oncall", TestPeople.PASSWORD, Role.MEMBER));
        users.add(new NewUser("ben.builder@kintsugi.test", "Ben Builder", TestPeople.PASSWORD, Role.MEMBER));
        long pm = AccountFixtures.postmortem(
                incidents, postmortems, templates, lead, "Checkout failed after a config push", "Blameless debrief");

        // Two accounts tell the same minutes differently; both people see them side by side on the timeline.
        Page ana = writeAndShare(
                pm,
                "ana.oncall@kintsugi.test",
                "I was on call and the alert looked like last week's flaky one.",
                "2026-11-19T14:05",
                "The checkout error rate was climbing");
        Page ben = writeAndShare(
                pm,
                "ben.builder@kintsugi.test",
                "I pushed the config and watched the checkout dashboard.",
                "2026-11-19T14:08",
                "The checkout dashboard was all green");
        for (Page page : new Page[] {ana, ben}) {
            page.navigate(url("/postmortems/" + pm + "#timeline"));
            Locator point = page.locator("#timeline li.point-to-discuss");
            assertThat(point).hasCount(1);
            assertThat(point.locator(".account-column h3")).hasText(new String[] {"Ana Oncall", "Ben Builder"});
        }

        // The owner builds a tree with two branches and cites Ana's observation on the deeper one.
        Page kim = signedIn("kim.lead@kintsugi.test", pm);
        assertThat(kim.locator("svg[role=tree]")).isVisible();
        addAnswer(kim, "The payment service timed out");
        kim.locator("#why-node-0 > rect").click(); // back to the problem statement
        assertThat(kim.locator("#why-panel h3")).hasText("Problem statement");
        addAnswer(kim, "The config push raised the client timeout for one region only");
        open(kim, "The payment service timed out");
        kim.locator("#why-add-answer").fill("The connection pool was exhausted");
        kim.getByText("Evidence").last().click();
        kim.getByLabel("Ana Oncall (observed): The checkout error rate was climbing")
                .last()
                .check();
        click(kim, "Add the answer");
        assertThat(kim.locator("#why-panel .why-evidence a"))
                .hasText("Ana Oncall (observed): The checkout error rate was climbing");
        assertThat(kim.locator(".why-diagram [role=treeitem]")).hasCount(4);

        // Two votes on the pool answer, counted at once; then the owner chooses it as the path.
        Locator vote = kim.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vote for this answer"));
        vote.click();
        assertThat(kim.locator(".why-count")).hasText("1 vote");
        vote.click();
        assertThat(kim.locator(".why-count")).hasText("2 votes");
        assertThat(vote).isDisabled();
        click(kim, "Mark as the chosen path");
        assertThat(kim.locator("#why-panel .why-chip.chosen")).hasText("Chosen");
        assertThat(box(kim, "The payment service timed out"))
                .hasAttribute("aria-label", Pattern.compile("On the chosen path"));

        // The chosen answer becomes an action item of the postmortem.
        Locator panel = kim.locator("#why-panel");
        panel.getByText("Make an action item").click();
        panel.getByLabel("What will we do?").fill("Size the pool from this year's peak");
        panel.getByLabel("How will we know it worked?").fill("No pool saturation at the next peak");
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Propose the action item"))
                .click();
        assertThat(kim.locator("#why-panel .why-chip.action"))
                .hasText("Action item: Size the pool from this year's peak (Proposed)");
        org.assertj.core.api.Assertions.assertThat(actions.forPostmortem(pm))
                .singleElement()
                .satisfies(a -> {
                    org.assertj.core.api.Assertions.assertThat(a.title())
                            .isEqualTo("Size the pool from this year's peak");
                    org.assertj.core.api.Assertions.assertThat(a.status()).isEqualTo(ActionStatus.PROPOSED);
                });
        Browser.screenshot(kim, "analysis-journey-tree");

        // The coach marks blame in a section as it is typed, with a question instead, by mouse and by keyboard.
        kim.navigate(url("/postmortems/" + pm));
        Locator section = kim.locator("details.section-editor").first();
        section.locator("summary").click();
        Locator editor = section.locator("textarea");
        editor.pressSequentially("The deploy failed to complete at 14:05. ");
        Locator coach = section.locator(".coach-panel");
        assertThat(coach).containsText("No blaming or hindsight phrasing found.");
        editor.pressSequentially("Bob should have checked the dashboard.");
        Locator mark = coach.locator("mark.coach-mark");
        assertThat(mark).hasText("should have checked");
        assertThat(coach).containsText("1 phrase to reconsider");
        Locator tip = coach.locator("[role=tooltip]");
        assertThat(tip).isHidden();
        mark.hover();
        assertThat(tip).isVisible();
        assertThat(tip).containsText("What made checking the dashboard seem unnecessary at the time?");
        Browser.screenshot(kim, "coach-in-editor");
        kim.mouse().move(0, 0);
        assertThat(tip).isHidden();
        editor.focus();
        kim.keyboard().press("Tab");
        assertThat(mark).isFocused();
        assertThat(tip).isVisible();
    }
}
