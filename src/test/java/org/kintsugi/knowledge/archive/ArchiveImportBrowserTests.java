package org.kintsugi.knowledge.archive;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.UserView;
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person brings an archive in as they would: from the import page to the archive import by keyboard, a zip chosen
 * in the file input, then the page follows the progress by itself until the report links every postmortem.
 */
@KintsugiServerTest
class ArchiveImportBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

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

    @Test
    void aZipUploadedOnThePageIsFollowedToItsReport() {
        UserView member = people.member();
        Page page = browser.newPage();
        String base = "http://localhost:" + port;
        Browser.signIn(page, base, member.email(), TestPeople.PASSWORD);
        page.navigate(base + "/postmortems/import");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import an archive"))
                .focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import an archive")))
                .isVisible();

        Map<String, byte[]> entries = new LinkedHashMap<>(Archives.corpus());
        entries.put("notes/latin1.md", "# Panne\n\nLe réseau était coupé.".getBytes(StandardCharsets.ISO_8859_1));
        page.getByLabel("A .zip, or Markdown files")
                .setInputFiles(new FilePayload("postmortems.zip", "application/zip", Archives.zip(entries)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import the archive"))
                .focus();
        page.keyboard().press("Enter");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Archive import")))
                .isVisible();
        assertThat(page.locator("progress#import-bar")).isVisible();
        Locator report = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Report"));
        assertThat(report).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
        assertThat(page.getByRole(AriaRole.STATUS))
                .containsText("7 imported · 1 failed · 0 left, of 8 postmortem file(s)");
        assertThat(page.locator("progress#import-bar")).hasAttribute("value", "8");
        assertThat(page.locator("tr.import-failed")).containsText("Not imported. The file is not UTF-8 text");
        Browser.screenshot(page, "archive-import-report-1280");

        page.setViewportSize(390, 844);
        page.reload();
        assertThat(report).isVisible();
        int scrollWidth = (int) page.evaluate("document.documentElement.scrollWidth");
        assertThat(scrollWidth).as("page width at 390 px").isLessThanOrEqualTo(390);
        Browser.screenshot(page, "archive-import-report-390");

        Locator first = page.locator("tr.import-imported a").first();
        String key = first.textContent().split(" · ")[0];
        first.focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("main")).containsText(key);
    }
}
