package org.kintsugi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kintsugi.analysis.account.AccountFixtures;
import org.kintsugi.identity.NewUser;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.template.TemplateCatalogue;
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two people who saw the same minutes differently each write their own account, share it, and then both find their
 * observations side by side on the postmortem's timeline as a point to discuss — in a real Chromium.
 */
@KintsugiServerTest
class AccountJourneyTests {

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

    /** Sign in, open the postmortem, write an account with one observation and share it; return the page. */
    Page writeAndShare(long pm, String email, String narrative, String when, String observation) {
        Page page = browser.newPage();
        Browser.signIn(page, url(""), email, TestPeople.PASSWORD);
        page.navigate(url("/postmortems/" + pm));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write your account"))
                .click();
        assertThat(page.locator("h1")).hasText("Your account");
        assertThat(page.locator(".privacy-note")).containsText("Only you can see this account");

        page.getByLabel("Narrative").fill(narrative);
        click(page, "Start your account");
        assertThat(page.locator(".alert.notice")).hasText("Saved your narrative.");

        Locator add = page.locator("form.add-entry");
        add.getByLabel("When").fill(when);
        add.getByLabel("Kind").selectOption("observed");
        add.getByLabel("In your words").fill(observation);
        click(page, "Add entry");
        assertThat(page.locator(".alert.notice")).hasText("Added the entry.");
        assertThat(page.locator(".account-entries")).containsText(observation);
        return page;
    }

    static void click(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                .click();
    }

    @Test
    void twoAccountsThatDisagreeStandSideBySideOnTheTimelineForBoth() {
        UserView lead =
                users.add(new NewUser("lee.accounts@kintsugi.test", "Lee Lead", TestPeople.PASSWORD, Role.MEMBER));
        users.add(new NewUser("ana.oncall@kintsugi.test", "Ana Oncall", TestPeople.PASSWORD, Role.MEMBER));
        users.add(new NewUser("ben.builder@kintsugi.test", "Ben Builder", TestPeople.PASSWORD, Role.MEMBER));
        long pm = AccountFixtures.postmortem(
                incidents, postmortems, templates, lead, "Checkout failed after a config push", "Blameless debrief");

        Page ana = writeAndShare(
                pm,
                "ana.oncall@kintsugi.test",
                "I was on call. The alert looked like the flaky one from last week, so I checked the dashboard first."
                        + " Ben should have told me the push was still rolling out.",
                "2026-11-19T14:05",
                "The checkout error rate was climbing");
        // The coach points out the hindsight in the narrative while the account is still a private draft.
        Locator mark = ana.locator("#narrative-coach mark.coach-mark")
                .filter(new Locator.FilterOptions().setHasText("should have told"));
        assertThat(mark).containsText("should have told");
        // The coach's panel is drawn again when the last keystrokes' check comes back (it waits half a second after
        // typing stops): focus the mark once the panel has been still for longer than that.
        ana.evaluate("window.coachBusyAt = Date.now()");
        ana.waitForFunction(
                "() => { if (document.querySelector('.htmx-request')) { window.coachBusyAt = Date.now(); return false; }"
                        + " return Date.now() - window.coachBusyAt > 800; }",
                null,
                new Page.WaitForFunctionOptions().setPollingInterval(100).setTimeout(15000));
        mark.focus();
        assertThat(mark).isFocused();
        Locator tip = ana.locator("#" + mark.getAttribute("aria-describedby"));
        assertThat(tip).isVisible();
        assertThat(tip).containsText("seem unnecessary at the time");
        Browser.screenshot(ana, "account-page-draft");
        click(ana, "Share your account");
        assertThat(ana.locator(".alert.notice")).containsText("Shared your account");

        Page ben = writeAndShare(
                pm,
                "ben.builder@kintsugi.test",
                "I pushed the config and watched the checkout dashboard.",
                "2026-11-19T14:08",
                "The checkout dashboard was all green");
        click(ben, "Share your account");

        for (Page page : new Page[] {ana, ben}) {
            page.navigate(url("/postmortems/" + pm + "#timeline"));
            Locator point = page.locator("#timeline li.point-to-discuss");
            assertThat(point).hasCount(1);
            assertThat(point.locator(".discuss-title"))
                    .hasText("Point to discuss: 2 accounts tell this moment differently");
            assertThat(point.locator(".account-column h3")).hasText(new String[] {"Ana Oncall", "Ben Builder"});
            assertThat(point.locator(".account-column .tl-text")).hasText(new String[] {
                "The checkout error rate was climbing", "The checkout dashboard was all green"
            });
        }
        ben.locator("#section-participants-accounts")
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(Browser.SCREENSHOTS.resolve("postmortem-accounts-section.png")));
        Locator timeline = ben.locator("#timeline");
        timeline.scrollIntoViewIfNeeded();
        timeline.screenshot(
                new Locator.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("timeline-point-to-discuss.png")));

        // From the timeline to the account, where the moment is.
        ben.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("In Ana Oncall’s personal account: The checkout error rate was climbing"))
                .click();
        assertThat(ben.locator("h1")).hasText("Ana Oncall’s account");
        assertThat(ben.locator("#entry-1")).containsText("The checkout error rate was climbing");
        Browser.screenshot(ben, "account-page-shared");
    }
}
