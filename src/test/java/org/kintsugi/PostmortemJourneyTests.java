package org.kintsugi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.NewUser;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Write a postmortem from a template, paste a chat into its timeline, have a second person approve, publish it. */
@KintsugiServerTest
class PostmortemJourneyTests {

    static final String REVIEWER = "rey.reviewer@kintsugi.test";

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    UserManagement users;

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

    void signIn(Page page, String email) {
        Browser.signIn(page, url(""), email, TestPeople.PASSWORD);
    }

    String resolvedOutage() {
        return incidents
                .declare(
                        new IncidentDetails(
                                "Payments API returned 503 after a config push",
                                "Checkout failed for EU customers.",
                                IncidentKind.SYSTEM,
                                Severity.SEV2,
                                "EU customers could not pay for 53 minutes; 1,200 checkouts failed.",
                                1200,
                                List.of("payments"),
                                List.of("Payments"),
                                Instant.parse("2026-11-19T10:00:00Z"),
                                Instant.parse("2026-11-19T10:07:00Z"),
                                Instant.parse("2026-11-19T10:12:00Z"),
                                Instant.parse("2026-11-19T10:40:00Z"),
                                Instant.parse("2026-11-19T10:53:00Z")),
                        "Ada Admin")
                .key();
    }

    void write(Page page, String heading, String text) {
        page.getByText("Write " + heading, new Page.GetByTextOptions().setExact(true))
                .click();
        var editor = page.locator("#section-" + key(heading) + " .section-editor textarea");
        editor.fill(text);
        page.locator("#section-" + key(heading) + " .section-editor button[type=submit]")
                .click();
        assertThat(page.locator(".alert.notice")).hasText("Saved " + heading + ".");
    }

    static String key(String heading) {
        return heading.toLowerCase().replace(' ', '-');
    }

    @Test
    void writeSubmitApprovePublishAndDownload() throws Exception {
        users.add(new NewUser(REVIEWER, "Rey Reviewer", TestPeople.PASSWORD, Role.MEMBER));
        String key = resolvedOutage();
        Page author = browser.newPage();
        signIn(author, TestPeople.ADMIN_EMAIL);

        author.navigate(url("/incidents/" + key));
        var panel = author.locator(".pm-panel");
        assertThat(panel).containsText("Overdue since 2026-11-20 10:53");
        assertThat(panel.locator("select[name=templateId] option[selected]")).hasText("SRE postmortem");
        author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start postmortem"))
                .click();
        assertThat(author.locator("h1")).containsText("Payments API returned 503");
        assertThat(author.locator(".steps li.current")).hasText("Draft");

        author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review"))
                .click();
        assertThat(author.locator("#missing")).containsText("Summary is required before review");
        assertThat(author.locator("#missing")).containsText("Action items is required before review");

        author.getByText("Write Summary", new Page.GetByTextOptions().setExact(true))
                .click();
        var summary = author.locator("#section-summary textarea");
        summary.fill("The **payments API** returned 503.\n\n<script>window.pwned = true</script>"
                + "[details](javascript:window.pwned=true)");
        assertThat(author.locator("#preview-summary strong")).hasText("payments API");
        Browser.screenshot(author, "10-postmortem-live-preview");
        author.locator("#section-summary .section-editor button[type=submit]").click();
        assertThat(author.locator("#section-summary > .markdown strong")).hasText("payments API");
        assertThat(author.locator("#section-summary > .markdown script")).hasCount(0);
        assertThat(author.evaluate("() => window.pwned === undefined")).isEqualTo(true);

        write(author, "Impact", "1,200 checkouts failed over 53 minutes.");
        write(author, "Root causes", "- A config push with a **typo** reached every region at once.");
        write(author, "Resolution", "Rolled back the config push at 10:38.");
        write(author, "Action items", "- Stage config pushes by region.");

        author.getByText("Propose an action").click();
        author.getByLabel("What will we do?").fill("Stage config pushes by region");
        author.getByLabel("How will we know it worked?").fill("No push reaches two regions at once");
        author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose"))
                .click();
        assertThat(author.locator(".alert.notice")).containsText("Proposed \"Stage config pushes by region\"");
        assertThat(author.locator("#action-items")).containsText("soaking until");
        Browser.screenshot(author, "10b-action-proposed");

        author.getByText("Paste a chat transcript").click();
        author.locator("#transcript-text")
                .fill("10:05 alice: paged about checkout 503s\n"
                        + "this line belongs to alice's message\n"
                        + "10:09 bob: looking at the payments dashboards\n"
                        + "25:99 carol: an impossible time\n"
                        + "10:15 alice: decided to roll back the config push\n"
                        + "10:45 carol: posted an update on the status page");
        author.locator("#transcript-date").fill("2026-11-19");
        author.locator("#transcript-zone").fill("UTC");
        author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview"))
                .click();
        var preview = author.locator("#transcript-preview");
        assertThat(preview).containsText("4 event(s) read, 1 line(s) could not be read");
        assertThat(preview.locator(".line-problems")).containsText("Line 4:");
        Browser.screenshot(author, "11-transcript-preview");
        author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add 4 event(s) to the timeline"))
                .click();
        assertThat(author.locator(".alert.notice")).containsText("Added 4 events");
        var timeline = author.locator(".vertical-timeline li");
        assertThat(timeline).hasCount(9);
        assertThat(author.locator(".vertical-timeline")).containsText("decided to roll back the config push");
        assertThat(author.locator("#timeline dl.durations")).containsText("Undetected for7m");

        author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review"))
                .click();
        assertThat(author.locator(".steps li.current")).hasText("In review");
        assertThat(author.locator(".review-panel")).hasCount(0);
        String postmortemUrl = author.url();
        Browser.screenshot(author, "12-postmortem-in-review");

        Page reviewer = browser.newPage();
        signIn(reviewer, REVIEWER);
        reviewer.navigate(postmortemUrl);
        reviewer.getByLabel("The analysis asks why it made sense at the time, not who.")
                .check();
        reviewer.getByLabel("Every action has one owner and a due date.").check();
        reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))
                .click();
        assertThat(reviewer.locator(".steps li.current")).hasText("Approved");
        assertThat(reviewer.locator("#reviews-title + p + ol, .activity").first())
                .containsText("Rey Reviewer");

        author.reload();
        author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish"))
                .click();
        assertThat(author.locator(".steps li.current")).hasText("Published");
        assertThat(author.locator(".section-editor")).hasCount(0);
        Browser.screenshot(author, "13-postmortem-published");

        author.getByText("Export").click();
        Download download =
                author.waitForDownload(() -> author.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF"))
                        .click());
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        assertThat(pdf.length).isGreaterThan(2_000);
        assertThat(download.suggestedFilename()).isEqualTo(key + "-postmortem.pdf");

        author.navigate(url("/incidents/" + key));
        assertThat(author.locator(".pm-panel")).containsText("Published");
        author.navigate(url("/postmortems?status=published"));
        assertThat(author.locator("#postmortem-results")).containsText(key);
        Browser.screenshot(author, "14-postmortem-list");
    }

    @Test
    void adminsKeepTemplatesAndPeopleImportMarkdownFiles() {
        Page admin = browser.newPage();
        signIn(admin, TestPeople.ADMIN_EMAIL);
        // Settings sit under the header's Admin menu.
        admin.locator("summary")
                .filter(new Locator.FilterOptions().setHasText("Admin"))
                .click();
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Templates"))
                .click();
        assertThat(admin.locator("table.striped tbody tr")).hasCount(5);
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New template"))
                .click();
        admin.getByLabel("Name").fill("Launch review");
        admin.locator("#heading-0").fill("Goal");
        admin.locator("#sections0\\.required1").check();
        admin.locator("#heading-1").fill("What we shipped");
        admin.locator("#guidance-1").fill("Features, dates, and who used them first.");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template"))
                .click();
        assertThat(admin.locator(".alert.notice")).hasText("Created Launch review.");
        var rows = admin.locator("table.striped tbody tr td:nth-child(2) a");
        assertThat(rows.last()).hasText("Launch review");

        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move Launch review up"))
                .click();
        assertThat(rows.nth(4)).hasText("Launch review");
        admin.locator("#template-" + templateId(admin, "Launch review") + " button:has-text(\"Retire\")")
                .click();
        assertThat(admin.locator(".alert.notice")).hasText("Retired Launch review.");
        assertThat(admin.locator("tr.inactive")).containsText("Launch review");
        Browser.screenshot(admin, "15-admin-templates");

        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Due dates & review"))
                .click();
        assertThat(admin.getByLabel("SEV3 rule")).hasValue("WORKING_DAYS");
        admin.getByLabel("Working days are counted in").fill("Mars/Olympus");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(admin.locator(".field-error")).containsText("Zone is not a time zone");
        assertThat(admin.getByLabel("Working days are counted in")).hasValue("Mars/Olympus");
        Browser.screenshot(admin, "16-admin-policy");

        admin.navigate(url("/postmortems/import"));
        admin.locator("#files").setInputFiles(new java.nio.file.Path[] {
            java.nio.file.Path.of("../shared/corpus/postmortems/dfds/pm2023-001-total-node-failure.md"),
            java.nio.file.Path.of("../shared/corpus/postmortems/jupyterhub").resolve(firstJupyterhubFile())
        });
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import"))
                .click();
        assertThat(admin.locator(".import-results tbody tr")).hasCount(2);
        assertThat(admin.locator(".import-results")).containsText("Total node failure");
        Browser.screenshot(admin, "17-import-results");
        admin.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("Total node failure")))
                .click();
        assertThat(admin.locator("#section-contributing-factors, #section-root-causes")
                        .first())
                .isVisible();
        assertThat(admin.locator(".vertical-timeline li")).not().hasCount(0);
        Browser.screenshot(admin, "18-imported-postmortem");
    }

    static String templateId(Page page, String name) {
        return page.locator("table.striped tbody tr:has-text(\"" + name + "\")")
                .getAttribute("id")
                .replace("template-", "");
    }

    static String firstJupyterhubFile() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("../shared/corpus/postmortems/jupyterhub"))) {
            return files.map(p -> p.getFileName().toString())
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
