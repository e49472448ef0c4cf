package org.kintsugi.postmortem.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.TimelineKind;
import org.kintsugi.postmortem.timeline.TimelineEntry;
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A timeline of hundreds of events, read a page at a time, moving between pages by keyboard. */
@KintsugiServerTest
class LongTimelineBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    PostmortemTimeline timeline;

    @Autowired
    TestPeople people;

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

    long postmortemWithEvents(UserView member, int count) {
        String key = incidents
                .declare(
                        new IncidentDetails(
                                "Orders queue backlog",
                                "",
                                IncidentKind.SYSTEM,
                                Severity.SEV2,
                                "Orders waited for hours.",
                                null,
                                List.of("orders"),
                                List.of("Fulfilment"),
                                Instant.parse("2026-11-19T08:00:00Z"),
                                null,
                                null,
                                null,
                                Instant.parse("2026-11-19T20:00:00Z")),
                        member.displayName())
                .key();
        long id = postmortems
                .start(key, null, new Author(member.id(), member.displayName()))
                .id();
        List<TimelineEntry> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new TimelineEntry(
                    Instant.parse("2026-11-19T08:01:00Z").plusSeconds(i * 60L),
                    "Consumer lag on partition " + i + " grew",
                    TimelineKind.OBSERVATION,
                    "#incident-orders",
                    i % 100 == 0));
        }
        timeline.addAll(id, events, member.displayName());
        return id;
    }

    @Test
    void aLongTimelineIsReadAPageAtATimeAndTheKeyboardMovesBetweenPages() {
        UserView member = people.member();
        long id = postmortemWithEvents(member, 450);
        Page page = browser.newPage();
        Browser.signIn(page, "http://localhost:" + port, member.email(), TestPeople.PASSWORD);
        page.navigate("http://localhost:" + port + "/postmortems/" + id + "#timeline");

        Locator pages = page.getByRole(
                AriaRole.NAVIGATION,
                new Page.GetByRoleOptions().setName("Timeline pages").setExact(true));
        assertThat(pages).containsText("Showing 1–200 of 452 moments (page 1 of 3)");
        assertThat(page.locator("ol.vertical-timeline > li")).hasCount(200);
        shoot(page, pages, "timeline-pages-1280");

        Locator later = pages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Later moments"));
        later.focus();
        page.keyboard().press("Enter");
        assertThat(pages).containsText("Showing 201–400 of 452 moments (page 2 of 3)");
        assertThat(page.locator("ol.vertical-timeline > li").first()).containsText("partition 199");

        page.setViewportSize(390, 844);
        page.navigate("http://localhost:" + port + "/postmortems/" + id + "?events=3#timeline");
        assertThat(pages).containsText("Showing 401–452 of 452 moments (page 3 of 3)");
        assertThat(page.locator("ol.vertical-timeline > li").last()).containsText("Resolved");
        shoot(page, pages, "timeline-pages-390");
    }

    private static void shoot(Page page, Locator nav, String name) {
        nav.scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Browser.SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(false));
    }
}
