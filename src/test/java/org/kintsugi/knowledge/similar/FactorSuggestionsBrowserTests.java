package org.kintsugi.knowledge.similar;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.PostmortemImport;
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The factor suggested from an imported postmortem's text, as its writer sees it on a desktop and on a phone-wide
 * screen, added with the keyboard alone.
 */
@KintsugiServerTest
class FactorSuggestionsBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestPeople people;

    @Autowired
    PostmortemImport importer;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

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
    void theWriterOfAnImportedPostmortemAddsTheSuggestedFactorWithTheKeyboard() {
        UserView writer = people.member();
        long pm = FactorSuggestionsTests.imported(writer, importer, transactions, jdbc);

        Page page = browser.newPage();
        Browser.signIn(page, "http://localhost:" + port, writer.email(), TestPeople.PASSWORD);
        for (int width : new int[] {1280, 390}) {
            page.setViewportSize(width, width == 390 ? 844 : 900);
            page.navigate("http://localhost:" + port + "/postmortems/" + pm + "#factors");
            Locator offered = page.locator("#factors .factor-suggestions");
            assertThat(offered).isVisible();
            assertThat(offered).containsText("A certificate or credential that expired or was rotated");
            offered.scrollIntoViewIfNeeded();
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue())
                    .as("sideways overflow at " + width + " px")
                    .isLessThanOrEqualTo(0);
            Browser.screenshot(page, "factor-suggestion-" + width);
        }

        Locator add = page.locator("#factors .factor-suggestion button");
        add.focus();
        assertThat(add).isFocused();
        page.keyboard().press("Enter");
        page.waitForURL("**/postmortems/" + pm + "#factors");
        assertThat(page.locator("#factors .factor-list > li"))
                .containsText("A certificate or credential that expired or was rotated");
        assertThat(page.locator("#factors .factor-suggestions")).hasCount(0);
        assertThat(browser.refusals()).as("content security policy refusals").isEmpty();
    }
}
