package org.kintsugi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Schedule a debrief from a postmortem's page in a real Chromium: the form suggests the people of the incident and
 * starts in the owner's zone, names a wrong field, and the debrief's page shows the schedule, the invitees and that
 * the room opens at the start — at 1280 and 390 px.
 */
@KintsugiServerTest
class DebriefJourneyTests {

    static Browser browser;

    @LocalServerPort
    int port;

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
    void scheduleADebriefFromAPostmortem() {
        UserView lead =
                users.add(new NewUser("lee.debrief@kintsugi.test", "Lee Lead", TestPeople.PASSWORD, Role.MEMBER));
        users.changeZone(lead.id(), "Europe/Berlin");
        users.add(new NewUser("fay.debrief@kintsugi.test", "Fay Facilitator", TestPeople.PASSWORD, Role.MEMBER));
        long pm = ActionFixtures.postmortem(
                incidents, postmortems, lead, "Checkout lost orders during failover", "Checkout", Instant.now());
        String day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(10).toString();

        Page page = browser.newPage();
        Browser.signIn(page, url(""), "lee.debrief@kintsugi.test", TestPeople.PASSWORD);
        page.navigate(url("/postmortems/" + pm));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule a debrief"))
                .click();
        assertThat(page.locator("h1")).hasText("Schedule a debrief");
        assertThat(page.getByLabel("Title"))
                .hasValue(java.util.regex.Pattern.compile("^Debrief: .* Checkout lost orders during failover$"));
        assertThat(page.getByLabel("Time zone")).hasValue("Europe/Berlin");
        assertThat(page.getByLabel("Lee Lead")).isChecked();
        assertThat(page.locator("#teams-note")).containsText("Checkout");

        page.getByLabel("Date").fill(day);
        page.getByLabel("Time", new Page.GetByLabelOptions().setExact(true)).fill("09:30");
        page.getByLabel("Duration (minutes)").fill("90");
        page.getByLabel("Meeting link").fill("ftp://meet.example.org/checkout");
        page.getByLabel("Facilitator")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Fay Facilitator"));
        page.getByLabel("More people").fill("guest@example.org, sre-oncall@example.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule and send invitations"))
                .click();
        assertThat(page.locator("#meetingLink-error")).hasText("Meeting link must start with https:// or http://");
        assertThat(page.getByLabel("More people")).hasValue("guest@example.org, sre-oncall@example.org");

        page.getByLabel("Meeting link").fill("https://meet.example.org/checkout");
        for (int width : new int[] {1280, 390}) {
            page.setViewportSize(width, width == 390 ? 844 : 900);
            Browser.screenshot(page, "debrief-schedule-form-" + width);
            assertThat(fitsWidth(page)).as("the form fits " + width + " px").isTrue();
        }
        page.setViewportSize(1280, 900);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule and send invitations"))
                .click();

        assertThat(page.locator(".alert.notice")).containsText("Scheduled. Invitations are on their way to 4 people.");
        assertThat(page.locator("h1")).hasText(java.util.regex.Pattern.compile("Checkout lost orders during failover"));
        assertThat(page.locator(".room-state")).containsText("The room opens at the start time");
        assertThat(page.locator(".room-state")).containsText(day + " 09:30");
        assertThat(page.locator("dl.facts")).containsText("Fay Facilitator");
        assertThat(page.locator(".invitee-table")).containsText("Fay Facilitator");
        assertThat(page.locator(".invitee-table")).containsText("guest@example.org");
        assertThat(page.locator(".invitee-table")).containsText("sre-oncall@example.org");
        assertThat(page.locator("#invitees-heading")).hasText("Invited (4)");
        assertThat(page.locator(".invitee-table")).containsText("Not sent: mail is off");
        for (int width : new int[] {1280, 390}) {
            page.setViewportSize(width, width == 390 ? 844 : 900);
            Browser.screenshot(page, "debrief-page-" + width);
            assertThat(fitsWidth(page))
                    .as("the debrief page fits " + width + " px")
                    .isTrue();
        }

        page.setViewportSize(1280, 900);
        page.navigate(url("/postmortems/" + pm));
        assertThat(page.locator("#debriefs")).containsText("Checkout lost orders during failover");
        assertThat(page.locator("#debriefs")).containsText("0 of 4 coming");
        page.navigate(url("/debriefs"));
        assertThat(page.locator("#upcoming-heading")).hasText("Upcoming (1)");
    }

    static boolean fitsWidth(Page page) {
        int scrollWidth = (int) page.evaluate("document.documentElement.scrollWidth");
        int innerWidth = (int) page.evaluate("window.innerWidth");
        return scrollWidth <= innerWidth;
    }
}
