package org.kintsugi.sharing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kintsugi.analysis.factors.ContributingFactors;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.factors.FactorInput;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.review.PostmortemReview;
import org.kintsugi.support.Browser;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The monthly learning review, the administrators' sharing page and the subscriptions page as people open them, on a
 * desktop and on a phone, with the keyboard where it matters. Screenshots land in {@code target/screenshots/sharing-*}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "kintsugi.admin.email=" + TestPeople.ADMIN_EMAIL,
            "kintsugi.admin.password=" + TestPeople.PASSWORD,
            "kintsugi.admin.name=Ada Admin",
            "kintsugi.reminders.cron=-",
            "kintsugi.sharing.retry-cron=-"
        })
@Import(TestPeople.class)
class SharingBrowserTests {

    static final List<Integer> WIDTHS = List.of(1280, 390);

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
    PostmortemReview review;

    @Autowired
    ChannelManagement channels;

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

    String base() {
        return "http://localhost:" + port;
    }

    static void at(Page page, int width) {
        page.setViewportSize(width, width == 390 ? 844 : 900);
    }

    static void fitsTheWindow(Page page, String what) {
        int scrollWidth = (int) page.evaluate("document.documentElement.scrollWidth");
        int innerWidth = (int) page.evaluate("window.innerWidth");
        assertThat(scrollWidth).as(what + " is wider than the window").isLessThanOrEqualTo(innerWidth);
    }

    @Test
    void theLearningReviewIsAReadingListOnADesktopAndAPhone() {
        UserView owner = people.member();
        UserView reviewer = people.member();
        SharingFixtures.published(
                incidents,
                postmortems,
                review,
                owner,
                reviewer,
                "Certificate expired on the payment gateway",
                Severity.SEV1,
                "Payments",
                "payment-gateway",
                Instant.now(),
                id -> factors.add(
                        id,
                        new FactorInput(
                                "Certificates are renewed by hand, from a calendar reminder.",
                                categories.active().getFirst().id(),
                                ""),
                        new Author(owner.id(), owner.displayName())));
        SharingFixtures.published(
                incidents,
                postmortems,
                review,
                owner,
                reviewer,
                "Search results went stale for a morning after a long reindex across all regions",
                Severity.SEV3,
                "Search",
                "search-indexer-with-a-rather-long-service-name",
                Instant.now());
        Page page = browser.newPage();
        Browser.signIn(page, base(), people.viewer().email(), TestPeople.PASSWORD);
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        for (int width : WIDTHS) {
            at(page, width);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                page.navigate(base() + "/postmortems");
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Monthly learning review"))
                        .click();
                assertThat(page.locator(".reading-item")).hasCount(2);
            });
            assertThat(page).hasURL(base() + "/learning");
            assertThat(page.locator(".reading-item").first()).containsText("Certificates need an owner");
            assertThat(page.locator(".reading-item").first())
                    .containsText("Certificates are renewed by hand, from a calendar reminder.");
            assertThat(page.locator(".reading-item").nth(1)).containsText("Search results went stale");
            fitsTheWindow(page, "the learning review at " + width);
            Browser.screenshot(page, "sharing-learning-" + width);
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
            assertThat(page.locator(".learning-nav")).isHidden();
            assertThat(page.locator(".site-header")).isHidden();
            Browser.screenshot(page, "sharing-learning-print-" + width);
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));
        }
        // The previous month, by keyboard: the link is the first thing after the header's links.
        page.navigate(base() + "/learning/" + month);
        page.locator("a[rel=prev]").focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(base() + "/learning/" + YearMonth.parse(month).minusMonths(1));
        assertThat(page.getByText("No postmortem was published in")).isVisible();
    }

    @Test
    void anAdministratorAddsAChannelAndSeesWhatFailed() {
        Page page = browser.newPage();
        Browser.signIn(page, base(), TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD);
        for (int width : WIDTHS) {
            at(page, width);
            page.navigate(base() + "/admin/sharing");
            page.getByLabel("Name").fill("Mattermost town square " + width);
            page.getByLabel("Format").selectOption("mattermost");
            page.getByLabel("Incoming webhook address").fill("ftp://wrong.example.org/hook");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add channel"))
                    .click();
            assertThat(page.getByText("Address must start with https://")).isVisible();
            assertThat(page.getByLabel("Name")).hasValue("Mattermost town square " + width);
            Browser.screenshot(page, "sharing-admin-error-" + width);
            page.getByLabel("Incoming webhook address").fill("http://127.0.0.1:9/hooks/town-square");
            page.getByLabel("Incoming webhook address").press("Enter");
            assertThat(page.getByText("added. Send it a test message")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test message"))
                    .first()
                    .click();
            assertThat(page.getByText("The test message did not reach")).isVisible();
            fitsTheWindow(page, "the sharing page at " + width);
            Browser.screenshot(page, "sharing-admin-" + width);
        }
        channels.list().forEach(c -> channels.remove(c.id(), null));
    }

    @Test
    void aPersonChoosesWhatTheyGetAndSeesTheirFeed() {
        UserView reader = people.member();
        Page page = browser.newPage();
        Browser.signIn(page, base(), reader.email(), TestPeople.PASSWORD);
        for (int width : WIDTHS) {
            at(page, width);
            page.navigate(base() + "/profile");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Subscriptions"))
                    .click();
            page.getByLabel("By team").check();
            page.getByLabel("Teams, services or severities").fill("Payments, Search");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                    .click();
            assertThat(page.getByText("Saved: you get what you chose")).isVisible();
            assertThat(page.getByLabel("By team")).isChecked();
            assertThat(page.getByLabel("Feed address"))
                    .hasValue(java.util.regex.Pattern.compile(".*/feeds/postmortems\\.atom\\?token=.+"));
            fitsTheWindow(page, "the subscriptions page at " + width);
            Browser.screenshot(page, "sharing-subscriptions-" + width);
        }
    }
}
