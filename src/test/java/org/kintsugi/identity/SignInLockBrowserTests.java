package org.kintsugi.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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

/**
 * Someone guesses a person's password in the browser until sign-in locks; the person is told what happened without
 * learning whether the account exists, and an administrator finds the failures and lifts the lock by keyboard — on a
 * desktop and on a phone.
 */
@KintsugiServerTest
class SignInLockBrowserTests {

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

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void tryPassword(Page page, String email, String password) {
        page.navigate(url("/login"));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    @Test
    void guessesLockSignInAndAnAdministratorLiftsTheLockByKeyboard() {
        UserView member = people.member();
        Page guesser = browser.newPage();
        for (int i = 0; i < 5; i++) {
            tryPassword(guesser, member.email(), "wrong-guess-" + i);
        }
        tryPassword(guesser, member.email(), TestPeople.PASSWORD);
        assertThat(guesser.getByText("Too many failed sign-ins")).isVisible();
        Browser.screenshot(guesser, "sign-in-locked-1280");
        guesser.setViewportSize(390, 844);
        Browser.screenshot(guesser, "sign-in-locked-390");
        tryPassword(guesser, "nobody@elsewhere.test", "wrong-guess");
        assertThat(guesser.getByText("Too many failed sign-ins")).not().isVisible();

        Page admin = browser.newPage();
        Browser.signIn(admin, url(""), TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD);
        admin.navigate(url("/admin/sign-ins"));
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Failed sign-ins")))
                .isVisible();
        assertThat(admin.locator("tbody tr")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(member.email()))
                        .first())
                .containsText("Locked");
        Browser.screenshot(admin, "sign-ins-admin-1280");
        admin.setViewportSize(390, 844);
        Browser.screenshot(admin, "sign-ins-admin-390");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lift lock"))
                .first()
                .focus();
        admin.keyboard().press("Enter");
        assertThat(admin.locator(".alert.notice")).isVisible();

        tryPassword(guesser, member.email(), TestPeople.PASSWORD);
        assertThat(guesser.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Incidents")))
                .isVisible();
    }
}
