package org.kintsugi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kintsugi.action.ActionFixtures;
import org.kintsugi.identity.NewUser;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerClockTest;
import org.kintsugi.support.MovableClock;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Propose three actions, see two refused while they soak, move the clock past the soak time, commit them, complete
 * one and verify that it worked — in a real Chromium.
 */
@KintsugiServerClockTest
class ActionJourneyTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

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

    void propose(Page page, String title, String verification) {
        page.getByText("Propose an action", new Page.GetByTextOptions().setExact(true))
                .click();
        page.getByLabel("What will we do?").fill(title);
        page.getByLabel("How will we know it worked?").fill(verification);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose"))
                .click();
        assertThat(page.locator(".alert.notice")).containsText("Proposed \"" + title + "\". It can be committed from");
    }

    Locator row(Page page, String title) {
        return page.locator("tr", new Page.LocatorOptions().setHasText(title));
    }

    void click(Locator scope, String name) {
        scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name))
                .click();
    }

    @Test
    void proposeSoakCommitCompleteAndVerify() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        UserView lead = users.add(new NewUser("lee.lead@kintsugi.test", "Lee Lead", TestPeople.PASSWORD, Role.MEMBER));
        users.add(new NewUser("mo.member@kintsugi.test", "Mo Member", TestPeople.PASSWORD, Role.MEMBER));
        long pm = ActionFixtures.postmortem(
                incidents, postmortems, lead, "Checkout lost orders during failover", "Checkout", clock.instant());

        Page page = browser.newPage();
        Browser.signIn(page, url(""), "mo.member@kintsugi.test", TestPeople.PASSWORD);
        page.navigate(url("/postmortems/" + pm));
        propose(page, "Fence the old primary during failover", "No writes reach the old primary in the next drill");
        propose(page, "Alert when orders stop for five minutes", "The alert fires in the next game day");
        propose(page, "Rehearse failover monthly", "Three drills run without lost orders");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review 3 proposals: commit, merge or drop"))
                .click();
        assertThat(page.locator("h2#proposals-heading")).hasText("Proposals (3, 0 soaked)");

        // While they soak, committing is refused and the page says until when.
        click(row(page, "Fence the old primary"), "Commit: Fence the old primary during failover");
        assertThat(page.locator(".alert.error"))
                .containsText("This proposal is still soaking: it can be committed from");
        click(row(page, "Alert when orders stop"), "Commit: Alert when orders stop for five minutes");
        assertThat(page.locator(".alert.error")).containsText("Only the postmortem's owner may commit it earlier");
        assertThat(row(page, "Fence the old primary")).containsText("soaking until");
        Browser.screenshot(page, "action-review-soaking");

        // Two days later the proposals have soaked and can be committed.
        clock.advance(Duration.ofHours(49));
        page.reload();
        assertThat(page.locator("h2#proposals-heading")).hasText("Proposals (3, 3 soaked)");
        click(row(page, "Fence the old primary"), "Commit: Fence the old primary during failover");
        assertThat(page.locator(".alert.notice")).hasText("\"Fence the old primary during failover\" is committed.");
        click(row(page, "Alert when orders stop"), "Commit: Alert when orders stop for five minutes");
        assertThat(page.locator(".alert.notice")).hasText("\"Alert when orders stop for five minutes\" is committed.");
        assertThat(page.locator("h2#committed-heading")).containsText("Committed (2 of a threshold of 7)");

        // Complete one on its own page and verify that it worked.
        page.navigate(url("/postmortems/" + pm));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alert when orders stop for five minutes"))
                .first()
                .click();
        assertThat(page.locator("h1")).hasText("Alert when orders stop for five minutes");
        click(page.locator(".action-buttons"), "Done: Alert when orders stop for five minutes");
        assertThat(page.locator(".page-head .status")).hasText("Done");
        LocalDate verifyBy =
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(30);
        assertThat(page.locator("dl.facts")).containsText("Verify by" + verifyBy);
        page.getByText("Verify", new Page.GetByTextOptions().setExact(true)).click();
        page.getByLabel("Evidence").fill("Game day on 3 March: the alert paged within 5 minutes");
        page.getByLabel("It worked").check();
        click(page.locator(".action-buttons"), "Record");
        assertThat(page.locator(".page-head .status")).hasText("Verified effective");
        assertThat(page.locator(".history")).containsText("verified effective");
        assertThat(page.locator(".history")).containsText("Game day on 3 March");
        Browser.screenshot(page, "action-item-verified");

        page.navigate(url("/postmortems/" + pm + "/actions/review"));
        assertThat(page.locator("h2#proposals-heading")).hasText("Proposals (1, 1 soaked)");
        assertThat(row(page, "Rehearse failover monthly")).containsText("soaked");
        assertThat(page.locator("h2#committed-heading")).containsText("Committed (1 of a threshold of 7)");
        assertThat(page.locator("body")).not().containsText("This proposal is still soaking");

        // The other committed item did not work: it stays not effective and a follow-up item takes over.
        page.navigate(url("/postmortems/" + pm));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fence the old primary during failover"))
                .click();
        click(page.locator(".action-buttons"), "Done: Fence the old primary during failover");
        page.getByText("Verify", new Page.GetByTextOptions().setExact(true)).click();
        page.getByLabel("Evidence").fill("The drill on 5 March still wrote to the old primary for 40 s");
        page.getByLabel("It did not; a new item will follow up").check();
        click(page.locator(".action-buttons"), "Record");
        assertThat(page.locator(".page-head .status")).hasText("Not effective");
        page.getByLabel("What will we do instead?").fill("Fence with STONITH at the storage layer");
        page.getByLabel("How will we know it worked?").fill("The next drill writes nothing to the old primary");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose follow-up"))
                .click();
        assertThat(page.locator("h1")).hasText("Fence with STONITH at the storage layer");
        assertThat(page.locator("dl.facts")).containsText("Follows upFence the old primary during failover");
    }
}
