package org.kintsugi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kintsugi.action.ActionFixtures;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.analysis.WhysFixtures;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.analysis.whys.NodeView;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.TimelineKind;
import org.kintsugi.postmortem.timeline.TimelineEntry;
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pages as someone new to the team first opens them, on a desktop and on a phone: each shows something to work on or
 * says plainly that there is nothing, the coach's marks sit on saved text, and a second answer to the same why is one
 * keyboard choice away. Screenshots land in {@code target/screenshots/opening-*}.
 */
@KintsugiServerTest
class OpeningPagesBrowserTests {

    static final List<Integer> WIDTHS = List.of(1280, 390);

    // The innermost elements reaching past the right edge of the window, to say what makes a page too wide.
    static final String PAST_THE_EDGE = """
            Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
                .slice(-4)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
                    + ' ' + Math.round(e.getBoundingClientRect().left) + '..' + Math.round(e.getBoundingClientRect().right))
                .join(', ')""";

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
    PostmortemTimeline timeline;

    @Autowired
    ActionManagement actions;

    @Autowired
    FiveWhys whys;

    UserView lead;
    long pm;
    NodeView top;
    NodeView deeper;

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
        lead = people.member();
        PostmortemView p = WhysFixtures.postmortem(incidents, postmortems, lead, "Five whys analysis", "Payments");
        pm = p.id();
        PostmortemView.Section section = p.sections().stream()
                .filter(s -> s.required() && !s.key().equals("timeline"))
                .findFirst()
                .orElseThrow();
        postmortems.write(
                pm,
                section.key(),
                section.version(),
                "Checkout failed for 52 minutes.\nThe engineer was careless and forgot to renew the certificate.",
                lead.displayName());
        timeline.add(
                pm,
                new TimelineEntry(
                        Instant.now().minusSeconds(7200),
                        "Bob should have checked the dashboard",
                        TimelineKind.OBSERVATION,
                        "",
                        false),
                lead.displayName());
        actions.propose(
                pm,
                null,
                ActionFixtures.details(
                        "Renew certificates automatically", LocalDate.now().plusDays(20)),
                lead.id(),
                null,
                ActionFixtures.as(lead));
        top = whys.addCause(pm, null, WhysFixtures.answer("The payment service timed out"), WhysFixtures.as(lead));
        deeper = whys.addCause(
                pm, top.id(), WhysFixtures.answer("The connection pool was exhausted"), WhysFixtures.as(lead));
    }

    String base() {
        return "http://localhost:" + port;
    }

    Page signedIn(UserView person) {
        Page page = browser.newPage();
        Browser.signIn(page, base(), person.email(), TestPeople.PASSWORD);
        return page;
    }

    static void at(Page page, int width) {
        page.setViewportSize(width, width == 390 ? 844 : 900);
    }

    /** Assert that nothing on the page, as it is now, reaches past the right edge of the window. */
    static void fitsTheWindow(Page page, String what) {
        int scrollWidth = (int) page.evaluate("document.documentElement.scrollWidth");
        int innerWidth = (int) page.evaluate("window.innerWidth");
        assertThat(scrollWidth)
                .as(what + " is wider than the window, past the edge: " + page.evaluate(PAST_THE_EDGE))
                .isLessThanOrEqualTo(innerWidth);
    }

    @Test
    void aNewcomerLandsOnEveryonesOpenItemsTheMonthUnderWayAndWordsForAnEmptyChart() {
        Page page = signedIn(people.member());
        for (int width : WIDTHS) {
            at(page, width);
            page.navigate(base() + "/actions");
            assertThat(page.locator("#everyones")).containsText("You have no open items — showing everyone's");
            assertThat(page.getByRole(
                            AriaRole.LINK, new Page.GetByRoleOptions().setName("Renew certificates automatically")))
                    .isVisible();
            fitsTheWindow(page, "the action list at " + width);
            Browser.screenshot(page, "opening-actions-" + width);

            page.navigate(base() + "/reports/follow-up");
            assertThat(page.locator("#month"))
                    .hasValue(YearMonth.now(ZoneOffset.UTC).toString());
            assertThat(page.getByText("This month has not ended")).isVisible();
            Browser.screenshot(page, "opening-report-" + width);

            page.navigate(base() + "/reports/follow-up?month=2020-01");
            assertThat(page.locator("#chart-empty")).hasText("No action items opened or moving in January 2020");
            assertThat(page.locator(".report-chart")).hasCount(0);
            fitsTheWindow(page, "an empty report at " + width);
            Browser.screenshot(page, "opening-report-empty-" + width);

            page.navigate(base() + "/factors?team=Nobody-at-all");
            assertThat(page.locator("#factor-chart-empty")).isVisible();
            assertThat(page.locator(".factor-chart")).hasCount(0);
            Browser.screenshot(page, "opening-factors-empty-" + width);
        }
    }

    @Test
    void theSavedTextShowsTheCoachsMarksToAReviewerWithTheirSuggestion() {
        Page page = signedIn(people.member());
        for (int width : WIDTHS) {
            at(page, width);
            page.navigate(base() + "/postmortems/" + pm);
            Locator saved = page.locator(".coach-saved").first();
            assertThat(saved).isVisible();
            Locator mark = saved.locator("mark.coach-mark").first();
            assertThat(mark).hasText("careless");
            mark.focus();
            assertThat(page.locator("#" + mark.getAttribute("aria-describedby")))
                    .isVisible();
            fitsTheWindow(page, "the postmortem with a suggestion open at " + width);
            assertThat(page.locator("#timeline mark.coach-mark")).hasText("should have checked");
            saved.scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Browser.SCREENSHOTS.resolve("opening-saved-coach-" + width + ".png")));
            page.locator("#timeline mark.coach-mark").focus();
            fitsTheWindow(page, "the timeline with a suggestion open at " + width);
            page.locator("#timeline .vertical-timeline")
                    .screenshot(new Locator.ScreenshotOptions()
                            .setPath(Browser.SCREENSHOTS.resolve("opening-timeline-coach-" + width + ".png")));
            Browser.screenshot(page, "opening-postmortem-" + width);
        }
    }

    @Test
    void aSecondAnswerToTheSameWhyIsOneKeyboardChoiceAway() {
        Page page = signedIn(lead);
        for (int width : WIDTHS) {
            at(page, width);
            page.navigate(base() + "/postmortems/" + pm + "/whys/nodes/" + deeper.id());
            Locator under = page.locator("#why-add-under");
            assertThat(under).isChecked();
            assertThat(page.locator("label[for=why-add-beside]")).containsText("Add another answer to this why");
            fitsTheWindow(page, "the five whys at " + width);
            Browser.screenshot(page, "opening-whys-" + width);
        }
        at(page, 1280);
        page.locator("#why-add-under").focus();
        page.keyboard().press("ArrowDown");
        assertThat(page.locator("#why-add-beside")).isChecked();
        page.locator("#why-add-answer").fill("The retry budget was spent");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the answer"))
                .focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#why-panel .why-answer")).hasText("The retry budget was spent");
        assertThat(page.locator("#why-panel .why-path")).containsText("The payment service timed out");
        assertThat(whys.tree(pm, lead.id()).children(top.id()))
                .extracting(NodeView::answer)
                .containsExactlyInAnyOrder("The connection pool was exhausted", "The retry budget was spent");
        Browser.screenshot(page, "opening-whys-sibling-added-1280");
    }
}
