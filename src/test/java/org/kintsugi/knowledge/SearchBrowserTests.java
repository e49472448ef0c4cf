package org.kintsugi.knowledge;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kintsugi.knowledge.SearchFixtures.declare;
import static org.kintsugi.knowledge.SearchFixtures.until;
import static org.kintsugi.knowledge.SearchFixtures.word;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Search as a person uses it in a real browser: from the header with a typo, narrowed by a facet, a result opened;
 * the live results by keyboard alone; the page at a desktop's and a phone's width.
 */
@KintsugiServerTest
class SearchBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    TestPeople people;

    String tag;
    IncidentView expired;
    long postmortemId;

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

    @BeforeEach
    void twoIncidents() {
        UserView member = people.member();
        tag = word();
        Instant started = Instant.now().minus(3, ChronoUnit.DAYS);
        expired = declare(
                incidents,
                member,
                tag + " certificate expired on the edge proxies",
                "Browsers refused the storefront for an hour.",
                IncidentKind.SYSTEM,
                Severity.SEV1,
                List.of("edge-proxy"),
                List.of("Platform"),
                started);
        declare(
                incidents,
                member,
                tag + " certificate rotation runbook was out of date",
                "The rotation steps named a retired tool.",
                IncidentKind.PROCESS,
                Severity.SEV3,
                List.of(),
                List.of("Platform"),
                started.minus(1, ChronoUnit.DAYS));
        postmortemId = postmortems
                .start(expired.key(), null, new Author(member.id(), member.displayName()))
                .id();
        until(search, tag + " certificate", r -> r.total() == 2);
    }

    @Test
    void searchFromTheHeaderWithATypoNarrowByAFacetAndOpenAResult() {
        Page page = browser.newPage();
        Browser.signIn(page, base(), TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD);
        Locator box = page.getByRole(
                AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search incidents and postmortems"));
        box.fill(tag + " certficate");
        box.press("Enter");

        assertThat(page).hasURL(Pattern.compile("/search\\?q="));
        assertThat(page.locator(".search-total")).containsText("2 incidents");
        assertThat(page.locator(".search-total")).containsText("showing results for approximate matches");
        assertThat(page.locator(".hit-list .hit")).hasCount(2);
        Browser.screenshot(page, "search-typo-1280");

        page.locator("a[data-facet=kind][data-value=system]").click();
        assertThat(page).hasURL(Pattern.compile("kind=system"));
        assertThat(page.locator(".hit-list .hit")).hasCount(1);
        assertThat(page.locator(".search-total")).containsText("1 incident");
        Browser.screenshot(page, "search-facet-1280");

        page.locator(".hit-list .hit-link").first().click();
        assertThat(page).hasURL(base() + "/postmortems/" + postmortemId);
    }

    @Test
    void declaringALookAlikeShowsTheOldOneWhileTypingAndOpensItWithoutLosingTheForm() {
        Page page = browser.newPage();
        Browser.signIn(page, base(), TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD);
        page.navigate(base() + "/incidents/new");
        page.waitForLoadState(LoadState.LOAD);
        page.locator("#title").pressSequentially(tag + " edge proxies certificate expired again");
        Locator suggestion =
                page.locator("#similar-while-declaring a", new Page.LocatorOptions().setHasText(expired.key()));
        assertThat(suggestion).isVisible();
        assertThat(page.locator("#similar-while-declaring .reasons").first()).containsText("Both mention");
        Browser.screenshot(page, "similar-declaring-1280");

        Page opened = page.waitForPopup(suggestion::click);
        opened.waitForLoadState(LoadState.LOAD);
        assertThat(opened).hasURL(base() + "/postmortems/" + postmortemId);
        assertThat(opened.locator(".similar-panel .similar-list > li").first()).containsText("certificate");
        Browser.screenshot(opened, "similar-postmortem-1280");
        assertThat(page.locator("#title")).hasValue(tag + " edge proxies certificate expired again");

        page.setViewportSize(390, 844);
        int scrollWidth = (int) page.evaluate("document.documentElement.scrollWidth");
        int innerWidth = (int) page.evaluate("window.innerWidth");
        assertThat(scrollWidth).as("declare form width at 390 px").isLessThanOrEqualTo(innerWidth);
        Browser.screenshot(page, "similar-declaring-390");

        page.setViewportSize(1280, 900);
        page.navigate(base() + "/incidents/" + expired.key());
        Locator shown = page.locator(".similar-panel .similar-list > li > a");
        assertThat(shown.first()).containsText("certificate");
        assertThat(shown.filter(new Locator.FilterOptions().setHasText(expired.key() + " ")))
                .hasCount(0);
        Browser.screenshot(page, "similar-incident-1280");
        page.setViewportSize(390, 844);
        page.navigate(base() + "/incidents/" + expired.key());
        page.locator(".similar-panel .similar-list").waitFor();
        Browser.screenshot(page, "similar-incident-390");
    }

    @Test
    void theLiveResultsWorkByKeyboardAlone() {
        Page page = browser.newPage();
        Browser.signIn(page, base(), TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD);
        page.waitForLoadState(LoadState.LOAD);
        Locator box = page.locator("#site-search-q");

        page.keyboard().press("/");
        assertThat(box).isFocused();
        page.keyboard().type(tag + " certif");
        Locator live = page.locator("#site-search-results a.suggestion");
        assertThat(live).hasCount(3); // two incidents and "All results"
        Browser.screenshot(page, "search-live-1280");

        page.keyboard().press("ArrowDown");
        assertThat(live.nth(0)).isFocused();
        page.keyboard().press("ArrowDown");
        assertThat(live.nth(1)).isFocused();
        page.keyboard().press("ArrowUp");
        assertThat(live.nth(0)).isFocused();
        page.keyboard().press("ArrowUp");
        assertThat(box).isFocused();
        page.keyboard().press("ArrowDown");
        String first = live.nth(0).getAttribute("href");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(base() + first);
    }

    @Test
    void theSearchPageFitsAPhoneAndTheHeaderStaysOneLineOnADesktop() {
        Page page = browser.newPage();
        Browser.signIn(page, base(), TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD);
        page.navigate(base() + "/search?q=" + tag + "+certificate");
        page.waitForLoadState(LoadState.LOAD);
        Locator brand = page.locator(".site-header .brand");
        Locator signOut = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"));
        double span = signOut.boundingBox().y + signOut.boundingBox().height - brand.boundingBox().y;
        assertThat(span)
                .as("from the brand's top to Sign out's bottom at 1,280 px")
                .isLessThan(60);
        assertThat(page.locator(".site-header nav").boundingBox().height).isLessThan(80);
        Browser.screenshot(page, "search-results-1280");

        page.setViewportSize(390, 844);
        page.navigate(base() + "/search?q=" + tag + "+certificate");
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.locator(".hit-list .hit")).hasCount(2);
        int scrollWidth = (int) page.evaluate("document.documentElement.scrollWidth");
        int innerWidth = (int) page.evaluate("window.innerWidth");
        assertThat(scrollWidth).as("page width at 390 px").isLessThanOrEqualTo(innerWidth);
        Browser.screenshot(page, "search-results-390");
    }

    String base() {
        return "http://localhost:" + port;
    }
}
