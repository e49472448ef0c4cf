package org.kintsugi.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Chromium (Debian's {@code /usr/bin/chromium}) driven by Playwright. Without Chromium the browser
 * tests are skipped with a message, unless {@code KINTSUGI_REQUIRE_BROWSER=true}, which makes them fail.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    // What Chromium refused to run or apply under the Content-Security-Policy ("Refused to ..." on the console).
    private final List<String> refusals = new CopyOnWriteArrayList<>();

    private Browser(Path chromium) {
        this.playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--disable-quic")));
    }

    /** Start Chromium, or skip the calling test (fail it when browsers are required) when it is not installed. */
    public static Browser start() {
        Path chromium = Path.of(System.getenv().getOrDefault("KINTSUGI_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            String message = "Browser tests need Chromium at " + chromium
                    + ": install it with 'apt-get install chromium' (or set KINTSUGI_CHROMIUM).";
            if (Boolean.parseBoolean(System.getenv("KINTSUGI_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(message + " KINTSUGI_REQUIRE_BROWSER=true forbids skipping.");
            }
            Assumptions.abort(message);
        }
        return new Browser(chromium);
    }

    /**
     * Open a new page, as a fresh browser profile would, with a desktop-sized window. Whatever the page's
     * Content-Security-Policy makes Chromium refuse fails the test class when the browser closes.
     */
    public Page newPage() {
        Page page = browser.newContext(
                        new NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"))
                .newPage();
        // Chromium reports a refusal on the console; the DOM's violation event says it too, in a way Playwright hears.
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'Refused to ' + e.effectiveDirective + ': ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile"
                + " + ':' + e.lineNumber))");
        page.onConsoleMessage(message -> {
            if (message.text().contains("Refused to")) {
                refusals.add(page.url() + ": " + message.text());
            }
        });
        return page;
    }

    /** Return what Chromium refused so far under the Content-Security-Policy. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** Sign in through the login form and wait for the incident list, where a signed-in person lands. */
    public static void signIn(Page page, String baseUrl, String email, String password) {
        page.navigate(baseUrl + "/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        PlaywrightAssertions.assertThat(
                        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Incidents")))
                .isVisible();
    }

    /** Save a full-page screenshot under {@code target/screenshots/}. */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
        if (!refusals.isEmpty()) {
            throw new AssertionError(
                    "The Content-Security-Policy made the browser refuse:\n" + String.join("\n", refusals));
        }
    }
}
