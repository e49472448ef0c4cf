package org.kintsugi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Instant;
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
import org.kintsugi.support.MovableClock;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** The blameless analysis of one postmortem in a real Chromium: the language coach in the section editor. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "kintsugi.admin.email=" + TestPeople.ADMIN_EMAIL,
            "kintsugi.admin.password=" + TestPeople.PASSWORD,
            "kintsugi.admin.name=Ada Admin",
            "kintsugi.reminders.cron=-"
        })
@Import(MovableClock.Config.class)
class BlamelessAnalysisJourneyTests {

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

    @Test
    void theCoachMarksBlamefulPhrasingAsOneTypesAndOffersAQuestionInstead() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        UserView lead = users.add(new NewUser("kim.lead@kintsugi.test", "Kim Lead", TestPeople.PASSWORD, Role.MEMBER));
        long pm = ActionFixtures.postmortem(
                incidents,
                postmortems,
                lead,
                "Dashboards went blank during the deploy",
                "Observability",
                clock.instant());

        Page page = browser.newPage();
        Browser.signIn(page, url(""), "kim.lead@kintsugi.test", TestPeople.PASSWORD);
        page.navigate(url("/postmortems/" + pm));
        Locator section = page.locator("details.section-editor").first();
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
        Browser.screenshot(page, "coach-in-editor");

        // By keyboard: the mark takes focus from the text area with Tab and shows the same suggestion.
        page.mouse().move(0, 0);
        assertThat(tip).isHidden();
        editor.focus();
        page.keyboard().press("Tab");
        assertThat(mark).isFocused();
        assertThat(tip).isVisible();
    }
}
