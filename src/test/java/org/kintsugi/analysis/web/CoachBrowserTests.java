package org.kintsugi.analysis.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kintsugi.analysis.WhysFixtures;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The coach beside a section editor, as someone types: blame in everyday words is marked, a quoted word is not. */
@KintsugiServerTest
class CoachBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    long pm;
    String section;

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
    void postmortem() {
        PostmortemView p =
                WhysFixtures.postmortem(incidents, postmortems, people.member(), "Five whys analysis", "Payments");
        pm = p.id();
        section = p.sections().stream()
                .filter(s -> s.required() && !s.key().equals("timeline"))
                .findFirst()
                .orElseThrow()
                .key();
    }

    Page editor() {
        Page page = browser.newPage();
        Browser.signIn(page, "http://localhost:" + port, people.member().email(), TestPeople.PASSWORD);
        page.navigate("http://localhost:" + port + "/postmortems/" + pm);
        page.locator("#section-" + section + " details.section-editor summary").click();
        return page;
    }

    @Test
    void anAccusationInEverydayWordsIsMarkedWithASuggestion() {
        Page page = editor();
        page.locator("#body-" + section)
                .fill("Checkout failed for an hour because Kwabena pushed his change on a Friday evening.");
        Locator mark = page.locator("#coach-" + section + " mark.coach-mark").first();
        assertThat(mark).containsText("Kwabena pushed");
        mark.focus();
        Locator suggestion = page.locator("#" + mark.getAttribute("aria-describedby"));
        assertThat(suggestion).isVisible();
        assertThat(suggestion).containsText("Try: ");
        Browser.screenshot(page, "coach-typed-accusation");
    }

    @Test
    void aWordQuotedToDiscussItIsNotMarked() {
        Page page = editor();
        page.locator("#body-" + section)
                .fill("We removed the phrase \"human error\" from the incident template after the review.");
        Locator panel = page.locator("#coach-" + section);
        assertThat(panel).containsText("No blaming or hindsight phrasing found");
        assertThat(panel.locator("mark.coach-mark")).hasCount(0);
    }
}
