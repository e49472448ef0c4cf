package org.kintsugi.action.report;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Read the follow-up report in a real browser, move between months and turn the monthly mail on, by keyboard. */
@KintsugiServerTest
@Import(ReportTestConfiguration.class)
@TestPropertySource(properties = "kintsugi.reports.cron=-")
class FollowUpReportBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    FollowUpSeed seed;

    @Autowired
    FollowUpSubscriptions subscriptions;

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
    void readTheMonthAndTurnTheMailOnByKeyboard() {
        seed.october();
        String base = "http://localhost:" + port;
        Page page = browser.newPage();
        Browser.signIn(page, base, seed.owner().email(), TestPeople.PASSWORD);

        page.navigate(base + "/reports/follow-up?month=2026-10");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Follow-up report")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Bar chart of action item")))
                .isVisible();
        assertThat(page.locator(".report-table tfoot")).containsText("All teams");
        Browser.screenshot(page, "40-follow-up-report");

        var month = page.getByLabel("Month", new Page.GetByLabelOptions().setExact(true));
        month.fill("2026-09");
        month.press("Enter");
        assertThat(page.locator(".report-intro")).containsText("September 2026");

        var toggle =
                page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Mail me this report each month"));
        toggle.focus();
        page.keyboard().press("Space");
        assertThat(page.locator("#subscription .alert.notice"))
                .hasText("You will get this report by mail on the first working day of each month.");
        assertThat(toggle).isChecked();
        assertThat(subscriptions.subscribed(seed.owner().id())).isTrue();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("October 2026 →"))
                .click();
        assertThat(page.locator(".report-intro")).containsText("October 2026");
        assertThat(page.getByText("November 2026 has not begun")).isHidden();
    }
}
