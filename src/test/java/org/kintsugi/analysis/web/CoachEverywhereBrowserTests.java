package org.kintsugi.analysis.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionType;
import org.kintsugi.action.ActionView;
import org.kintsugi.action.Priority;
import org.kintsugi.analysis.WhysFixtures;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The coach beside an action item's description, as someone edits it in a real browser: an accusation in everyday
 * words (no word any rule knows) is marked as they type, its suggestion shows on keyboard focus, on a desktop and on
 * a phone-wide screen.
 */
@KintsugiServerTest
class CoachEverywhereBrowserTests {

    static final String ACCUSATION =
            "The whole checkout went down because Kwabena pushed his change on a Friday evening.";

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

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

    @Test
    void aTextPastTheCoachsLimitSaysWhichLimitWhereTheFindingsWouldBe() {
        UserView member = people.member();
        ActionView item = item(member);
        Page page = browser.newPage();
        Browser.signIn(page, "http://localhost:" + port, member.email(), TestPeople.PASSWORD);
        page.navigate("http://localhost:" + port + "/actions/" + item.id());
        page.locator("details.timeline-editor summary", new Page.LocatorOptions().setHasText("Edit"))
                .click();
        page.locator("#description").fill("The queue grew. ".repeat(6_251));
        assertThat(page.locator("#coach-description"))
                .containsText("over 100,000 characters, more than the language coach reviews at once");
        assertThat(page.locator("#coach-description")).containsText("kintsugi.limits.coach-text");
    }

    ActionView item(UserView member) {
        PostmortemView p = WhysFixtures.postmortem(incidents, postmortems, member, null, "Checkout");
        return actions.propose(
                p.id(),
                null,
                new ActionDetails(
                        "Add a pre-flight check to the deploy pipeline",
                        "",
                        LocalDate.now().plusDays(14),
                        Priority.P2,
                        ActionType.PREVENT,
                        "The check runs on every deploy."),
                member.id(),
                null,
                WhysFixtures.as(member));
    }

    @Test
    void anAccusationTypedIntoAnActionItemsDescriptionIsMarkedWithASuggestion() {
        UserView member = people.member();
        ActionView item = item(member);

        Page page = browser.newPage();
        Browser.signIn(page, "http://localhost:" + port, member.email(), TestPeople.PASSWORD);
        for (int width : List.of(1280, 390)) {
            page.setViewportSize(width, width == 390 ? 844 : 900);
            page.navigate("http://localhost:" + port + "/actions/" + item.id());
            page.locator("details.timeline-editor summary", new Page.LocatorOptions().setHasText("Edit"))
                    .click();
            page.locator("#description").click();
            page.locator("#description").pressSequentially(ACCUSATION, new Locator.PressSequentiallyOptions());
            Locator mark = page.locator("#coach-description mark.coach-mark").first();
            assertThat(mark).containsText("Kwabena");
            mark.focus();
            Locator suggestion = page.locator("#" + mark.getAttribute("aria-describedby"));
            assertThat(suggestion).isVisible();
            assertThat(suggestion).containsText("Try: ");
            assertThat(page.locator("#coach-description")).containsText("1 phrase to reconsider");
            // nothing reaches past the screen's edge, the suggestion included
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue())
                    .as("sideways overflow at " + width + " px")
                    .isLessThanOrEqualTo(0);
            Browser.screenshot(page, "coach-action-description-" + width);
        }
        assertThat(browser.refusals()).as("content security policy refusals").isEmpty();
    }
}
