package org.kintsugi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shell around every page, as a new administrator meets it: no page scrolls sideways on a 390 px phone, the
 * header folds into a menu there that opens by keyboard, and settings sit under one Admin menu.
 */
@KintsugiServerTest
class ShellBrowserTests {

    // The innermost elements reaching past the right edge of the window, to say what makes a page too wide.
    static final String PAST_THE_EDGE = """
            Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
                .slice(0, 3)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''))
                .join(', ')""";

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

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
    void noMainPageScrollsSidewaysOnAPhone() {
        Map<String, String> pages = mainPages();
        Page page = browser.newPage();
        Browser.signIn(page, base(), TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD);
        List<String> tooWide = new ArrayList<>();
        for (var entry : pages.entrySet()) {
            for (int width : List.of(1280, 390)) {
                page.setViewportSize(width, width == 390 ? 844 : 900);
                page.navigate(base() + entry.getValue());
                page.waitForLoadState();
                int scrollWidth = (int) page.evaluate("document.documentElement.scrollWidth");
                int innerWidth = (int) page.evaluate("window.innerWidth");
                if (scrollWidth > innerWidth) {
                    tooWide.add(entry.getKey() + " at " + width + " px is " + scrollWidth + " px wide, past the edge: "
                            + page.evaluate(PAST_THE_EDGE));
                }
                Browser.screenshot(page, "shell-" + entry.getKey() + "-" + width);
            }
        }
        assertThat(tooWide).isEmpty();
    }

    @Test
    void theHeaderIsOneLineOnADesktop() {
        Page page = browser.newPage();
        Browser.signIn(page, base(), TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD);
        Locator header = page.locator(".site-header nav");
        Locator brand = page.locator(".site-header .brand");
        Locator signOut = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"));
        assertThat(signOut).isVisible();
        // Measured once the page has settled: right after the sign-in lands, layout may still be in progress.
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        double span = Double.MAX_VALUE;
        for (int i = 0; i < 50 && span >= 60; i++) {
            span = signOut.boundingBox().y + signOut.boundingBox().height - brand.boundingBox().y;
            if (span >= 60) {
                page.waitForTimeout(100);
            }
        }
        if (span >= 60) {
            Browser.screenshot(page, "shell-header-wrapped-1280");
        }
        assertThat(header.boundingBox().height).isLessThan(80);
        assertThat(span).as("from the brand's top to Sign out's bottom").isLessThan(60);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People")))
                .isHidden();

        openAdminMenuByKeyboard(page);
        Browser.screenshot(page, "shell-admin-menu-1280");
        page.keyboard().press("Escape");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People")))
                .isHidden();
    }

    @Test
    void onAPhoneTheMenuOpensByKeyboardAndLeadsToEveryPage() {
        Page page = browser.newPage();
        page.setViewportSize(390, 844);
        Browser.signIn(page, base(), TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD);
        Locator menu = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"));
        Locator postmortemsLink = page.getByRole(
                AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Postmortems").setExact(true));
        assertThat(menu).hasAttribute("aria-expanded", "false");
        assertThat(postmortemsLink).isHidden();

        openMenu(page, menu, "Enter");
        assertThat(postmortemsLink).isVisible();
        Browser.screenshot(page, "shell-menu-open-390");
        postmortemsLink.focus();
        assertThat(postmortemsLink).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Postmortems")))
                .isVisible();
        assertThat(menu).hasAttribute("aria-expanded", "false");

        openMenu(page, menu, "Space");
        openAdminMenuByKeyboard(page);
        Browser.screenshot(page, "shell-admin-menu-390");
        Locator people = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People"));
        people.focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(base() + "/admin/users");

        openMenu(page, menu, "Enter");
        Locator profile = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ada Admin"));
        profile.focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(base() + "/profile");
    }

    @Test
    void whatHasFocusShowsAnOutlineAndEveryPageHasAnIcon() {
        Map<String, String> pages = mainPages();
        Page page = browser.newPage();
        Browser.signIn(page, base(), TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD);
        page.navigate(base() + "/incidents");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        assertOutlined(page, page.locator(":focus"));

        page.navigate(base() + pages.get("incident") + "/edit");
        Locator chip = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove checkout"));
        chip.focus();
        assertOutlined(page, chip);
        Browser.screenshot(page, "shell-focus-chip");

        page.navigate(base() + pages.get("postmortem"));
        Locator node = page.locator("[role=treeitem]").first();
        node.focus();
        assertOutlined(page, node);
        Browser.screenshot(page, "shell-focus-why");

        assertThat(page.locator("link[rel=icon]")).hasAttribute("href", "/assets/favicon.svg");
        var icon = page.request().get(base() + "/favicon.ico");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.headers().get("content-type")).startsWith("image/");
        assertThat(page.request().get(base() + "/assets/favicon.svg").status()).isEqualTo(200);
    }

    static void assertOutlined(Page page, Locator element) {
        assertThat(element).isFocused();
        assertThat((Boolean) element.evaluate("e => e.matches(':focus-visible')"))
                .isTrue();
        assertThat((String) element.evaluate("e => getComputedStyle(e).outlineStyle"))
                .isEqualTo("solid");
        assertThat((String) element.evaluate("e => getComputedStyle(e).outlineWidth"))
                .isEqualTo("3px");
    }

    // The Menu button works once kintsugi.js has run, which the load event follows.
    static void openMenu(Page page, Locator menu, String key) {
        page.waitForLoadState();
        assertThat(menu).hasAttribute("aria-expanded", "false");
        menu.focus();
        page.keyboard().press(key);
        assertThat(menu).hasAttribute("aria-expanded", "true");
    }

    void openAdminMenuByKeyboard(Page page) {
        Locator admin = page.locator("summary").filter(new Locator.FilterOptions().setHasText("Admin"));
        admin.focus();
        page.keyboard().press("Enter");
        for (String name : List.of("People", "Sign-ins", "Templates", "Follow-through", "Language", "Whys")) {
            assertThat(page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName(name).setExact(true)))
                    .isVisible();
        }
    }

    Map<String, String> mainPages() {
        UserView member = people.member();
        String key = incidents
                .declare(
                        new IncidentDetails(
                                "Checkout unavailable in the EU for card payments",
                                "",
                                IncidentKind.SYSTEM,
                                Severity.SEV2,
                                "EU customers could not pay by card for forty minutes.",
                                null,
                                List.of("checkout", "payments-gateway"),
                                List.of("Payments"),
                                Instant.parse("2026-11-19T08:00:00Z"),
                                null,
                                null,
                                null,
                                Instant.parse("2026-11-19T09:00:00Z")),
                        member.displayName())
                .key();
        long postmortem = postmortems
                .start(key, null, new Author(member.id(), member.displayName()))
                .id();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("incidents", "/incidents");
        pages.put("incident", "/incidents/" + key);
        pages.put("declare", "/incidents/new");
        pages.put("postmortems", "/postmortems");
        pages.put("postmortem", "/postmortems/" + postmortem);
        pages.put("actions", "/actions");
        pages.put("debriefs", "/debriefs");
        pages.put("factors", "/factors");
        pages.put("search", "/search?q=checkout+payments");
        pages.put("reports", "/reports/follow-up");
        pages.put("profile", "/profile");
        pages.put("people", "/admin/users");
        pages.put("sign-ins", "/admin/sign-ins");
        pages.put("templates", "/admin/templates");
        pages.put("follow-through", "/admin/follow-through");
        pages.put("language", "/admin/language");
        pages.put("whys", "/admin/analysis");
        return pages;
    }

    String base() {
        return "http://localhost:" + port;
    }
}
