package org.kintsugi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person signs in, declares, corrects, resolves and reads an incident in a real headless Chromium. */
@KintsugiServerTest
class IncidentJourneyTests {

    static Browser browser;

    @LocalServerPort
    int port;

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

    void signIn(Page page) {
        Browser.signIn(page, url(""), TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD);
    }

    @Test
    void declareFixResolveAndReadAnIncident() {
        Page page = browser.newPage();
        signIn(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Declare incident"))
                .click();
        page.getByLabel("Title").fill("Checkout unavailable in the EU");
        page.getByText("System", new Page.GetByTextOptions().setExact(true)).click();
        page.getByText("Major", new Page.GetByTextOptions().setExact(true)).click();
        page.getByLabel("Impact: who was affected, and how?").fill("Customers in the EU could not pay for 90 minutes.");
        page.locator("#peopleAffected").fill("1200");
        page.locator("#services").fill("checkout");
        page.locator("#services").press("Enter");
        page.locator("#services").fill("payments");
        page.locator("#services").press("Enter");
        page.locator("#zone").selectOption("UTC");
        page.locator("#startedAt").fill("2026-11-20T10:00");
        page.locator("#detectedAt").fill("2026-11-20T09:30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare incident"))
                .click();

        var detectedError = page.locator("#detectedAt-error");
        assertThat(detectedError).hasText("Detected cannot be before the start");
        assertThat(page.locator("#detectedAt")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Title")).hasValue("Checkout unavailable in the EU");
        assertThat(page.locator("input[name=services]")).hasValue("checkout, payments");
        Browser.screenshot(page, "01-declare-with-bad-timestamp");

        page.locator("#detectedAt").fill("2026-11-20T10:07");
        page.locator("#acknowledgedAt").fill("2026-11-20T10:12");
        page.locator("#mitigatedAt").fill("2026-11-20T10:40");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare incident"))
                .click();

        assertThat(page.locator(".status")).hasText("Mitigated");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Checkout unavailable in the EU");
        Browser.screenshot(page, "02-incident-mitigated");

        page.getByLabel("Resolved at").fill("2026-11-20T11:30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve incident"))
                .click();

        assertThat(page.locator(".status")).hasText("Resolved");
        var durations = page.locator("dl.durations");
        assertThat(durations).containsText("Time to detect7m");
        assertThat(durations).containsText("Time to acknowledge5m");
        assertThat(durations).containsText("Time to mitigate40m");
        assertThat(durations).containsText("Time to resolve1h 30m");
        var phases = page.locator(".phase-bar svg rect");
        assertThat(phases).hasCount(4);
        assertThat(page.locator(".phase-bar svg"))
                .hasAttribute(
                        "aria-label",
                        "Undetected for 7m, then Awaiting acknowledgement for 5m, then Responding for 28m, "
                                + "then Mitigated, recovering for 50m; resolved.");
        assertThat(page.locator(".activity")).containsText("resolved it at 2026-11-20 11:30 UTC");
        assertThat(page.locator(".activity")).containsText("declared the incident");
        Browser.screenshot(page, "03-incident-resolved");

        page.navigate(url("/incidents?status=resolved&service=checkout"));
        assertThat(page.locator("#incident-results")).containsText("Checkout unavailable in the EU");
        Browser.screenshot(page, "04-incident-list");
        page.close();
    }

    @Test
    void staleSaveShowsTheOtherVersionBesideMineAndLosesNothing() {
        Page alice = browser.newPage();
        signIn(alice);
        alice.navigate(url("/incidents/new"));
        alice.getByLabel("Title").fill("Release train left without the migration");
        alice.getByLabel("Impact: who was affected, and how?").fill("Two teams waited half a day.");
        alice.locator("#zone").selectOption("UTC");
        alice.locator("#startedAt").fill("2026-11-19T08:00");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare incident"))
                .click();
        String incidentUrl = alice.url();

        Page bob = browser.newPage();
        signIn(bob);
        alice.navigate(incidentUrl + "/edit");
        bob.navigate(incidentUrl + "/edit");
        bob.getByLabel("Title").fill("Release train left without the schema migration");
        bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes"))
                .click();
        assertThat(bob.locator(".alert.notice")).containsText("Saved");

        alice.getByLabel("Title").fill("Release left before the migration was merged");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes"))
                .click();
        assertThat(alice.locator(".conflict")).containsText("Someone else saved this incident");
        assertThat(alice.locator(".conflict-table .mine")).hasText("Release left before the migration was merged");
        assertThat(alice.locator(".conflict-table .theirs")).hasText("Release train left without the schema migration");
        assertThat(alice.getByLabel("Title")).hasValue("Release left before the migration was merged");
        Browser.screenshot(alice, "05-stale-save-conflict");

        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save mine over theirs"))
                .click();
        assertThat(alice.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Release left before the migration was merged");
        assertThat(alice.locator(".activity")).containsText("Release train left without the schema migration");
        alice.close();
        bob.close();
    }

    @Test
    void peopleAndProfilePagesWork() {
        Page page = browser.newPage();
        signIn(page);
        // Settings sit under the header's Admin menu.
        page.locator("summary")
                .filter(new Locator.FilterOptions().setHasText("Admin"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People"))
                .click();
        page.locator("#new-email").fill("grace@kintsugi.test");
        page.locator("#new-name").fill("Grace Hopper");
        page.locator("#new-password").fill("a-long-password");
        page.locator("#new-role").selectOption("VIEWER");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add person"))
                .click();
        assertThat(page.locator(".alert.notice")).hasText("Added Grace Hopper as Viewer.");
        Browser.screenshot(page, "06-people");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ada Admin"))
                .click();
        page.getByLabel("Name").fill("deploy script");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token"))
                .click();
        assertThat(page.locator("#issued-secret")).hasValue(java.util.regex.Pattern.compile("^kts_.{40,}$"));
        Browser.screenshot(page, "07-profile-token");
        page.navigate(url("/profile"));
        assertThat(page.locator("#issued-secret")).hasCount(0);
        assertThat(page.locator("#tokens table")).containsText("deploy script");
        page.close();
    }

    @Test
    void filtersUpdateTheListInPlaceAndTheUrl() {
        Page page = browser.newPage();
        signIn(page);
        page.navigate(url("/incidents"));
        page.getByLabel("Search title and summary").fill("no incident is called this");
        assertThat(page.locator("#incident-results")).containsText("No incidents here");
        assertThat(page)
                .hasURL(java.util.regex.Pattern.compile(
                        ".*/incidents\\?q=no(\\+|%20)incident(\\+|%20)is(\\+|%20)called(\\+|%20)this(&sort=newest)?$"));
        page.close();
    }

    @Test
    void signInAndDeclareWithTheKeyboardAlone() {
        Page page = browser.newPage();
        page.navigate(url("/login"));
        Keyboard keys = page.keyboard();
        assertThat(page.locator("#username")).isFocused();
        keys.type(TestPeople.ADMIN_EMAIL);
        keys.press("Tab");
        keys.type(TestPeople.PASSWORD);
        keys.press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Incidents")))
                .isVisible();
        keys.press("Tab");
        assertThat(page.locator(".skip-link")).isFocused();

        page.navigate(url("/incidents/new"));
        assertThat(page.getByLabel("Title")).isFocused();
        keys.type("Badge readers rejected every card");
        keys.press("Tab");
        keys.type("Staff queued outside for 25 minutes.");
        keys.press("Tab");
        assertThat(page.locator("input[name=kind]").first()).isFocused();
        keys.press("ArrowDown");
        keys.press("Tab");
        assertThat(page.locator("input[name=severity]:checked")).isFocused();
        keys.press("Tab");
        keys.type("Forty people could not get in.");
        page.locator("#startedAt").focus();
        keys.press("Enter");
        assertThat(page.locator(".status")).hasText("Open");
        assertThat(page.locator(".kind")).hasText("Process incident");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Badge readers rejected every card");
        assertThat(page.url()).contains("/incidents/INC-");
        page.close();
    }
}
