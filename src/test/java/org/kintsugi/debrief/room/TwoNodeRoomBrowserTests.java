package org.kintsugi.debrief.room;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kintsugi.support.Browser;
import org.kintsugi.support.ChildKintsugi;

/**
 * Two Kintsugi nodes on one PostgreSQL database with a browser on each: the facilitator works the room on node A, a
 * second person watches it on node B, and what the facilitator's browser changes reaches the other browser without a
 * reload, carried from node to node by LISTEN/NOTIFY. Needs {@code KINTSUGI_TEST_PG_URL} and Chromium; skipped
 * without either (failed without Chromium when {@code KINTSUGI_REQUIRE_BROWSER=true}). Screenshots at 1280 px.
 */
class TwoNodeRoomBrowserTests {

    static final String PASSWORD = "two-node-password-1";

    /** How long a change may take to reach the browser on the other node: under a second, with room for a busy machine. */
    static final LocatorAssertions.ContainsTextOptions LIVE =
            new LocatorAssertions.ContainsTextOptions().setTimeout(5000);

    @TempDir
    Path dataA;

    @TempDir
    Path dataB;

    ChildKintsugi a;
    ChildKintsugi b;
    // Node B starts while the test sets the debrief up on node A; node A has made the schema and the administrator.
    CompletableFuture<ChildKintsugi> startingB;
    Browser browser;

    @BeforeEach
    void needsPostgresAndChromium() {
        Assumptions.assumeTrue(
                System.getenv("KINTSUGI_TEST_PG_URL") != null,
                "Two nodes need a shared PostgreSQL: set KINTSUGI_TEST_PG_URL (e.g."
                        + " jdbc:postgresql://127.0.0.1:5432/kintsugi_test)");
        browser = Browser.start();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (a != null) {
                a.kill();
            }
            // Waits for node B when the test ended while it was starting (bounded by its own 120 s for readiness).
            if (startingB != null
                    && startingB.handle((started, failed) -> started).join() != null) {
                b.kill();
            }
        }
    }

    /** Add a member through node A's users API and return their id. */
    long member(String token, String email, String name) throws Exception {
        var added = a.post(token, "/api/v1/users", """
                {"email": "%s", "displayName": "%s", "password": "%s", "role": "MEMBER"}""".formatted(email, name, PASSWORD));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return TwoNodeRoomTests.id(added.body());
    }

    /** Sign in on a node in a browser context of one's own and open the debrief's room there. */
    Page enter(ChildKintsugi node, String email, long debrief) {
        Page page = browser.newPage();
        page.addInitScript("window.roomReads = 0; document.addEventListener('htmx:afterSwap', e => {"
                + " if (e.detail.target && e.detail.target.id === 'room') window.roomReads++ })");
        String base = node.url("").toString();
        Browser.signIn(page, base, email, PASSWORD);
        page.navigate(base + "/debriefs/" + debrief);
        // Set once: still there at the end only if the page was never loaded again.
        page.evaluate("window.notReloaded = true");
        return page;
    }

    /**
     * Wait until the page has read the room since its event stream opened and has no room request on its way, so
     * that what the test does next is done on the room as it is now, not on the page before its first read.
     */
    static void caughtUp(Page page) {
        page.waitForFunction(
                "() => window.roomReads > 0 && document.querySelector('.htmx-request') === null",
                null,
                new Page.WaitForFunctionOptions().setTimeout(5000));
    }

    static void move(Page facilitator, String phase, String button) {
        caughtUp(facilitator);
        facilitator
                .getByLabel("Move to", new Page.GetByLabelOptions().setExact(true))
                .selectOption(phase);
        facilitator
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                .click();
    }

    @Test
    void aCardWrittenInABrowserOnOneNodeAppearsInABrowserOnTheOther() throws Exception {
        a = ChildKintsugi.onPostgres(dataA).start();
        b = a.anotherNode(dataB);
        startingB = CompletableFuture.supplyAsync(() -> {
            try {
                return b.start();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        String token = a.token();
        long fay = member(token, "fay.nodes@kintsugi.test", "Fay Facilitator");
        long ben = member(token, "ben.nodes@kintsugi.test", "Ben Builder");
        var made =
                a.post(token, "/api/v1/debriefs", """
                {"title": "Two-node retrospective", "date": "%s", "time": "10:00", "zone": "UTC",
                 "durationMinutes": 60, "meetingLink": "https://meet.example.org/nodes", "facilitatorId": %d,
                 "invitees": [{"personId": %d, "role": "required"}]}""".formatted(LocalDate.now().plusDays(3), fay, ben));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        long debrief = TwoNodeRoomTests.id(made.body());

        Page onA = enter(a, "fay.nodes@kintsugi.test", debrief);
        startingB.join();
        Page onB = enter(b, "ben.nodes@kintsugi.test", debrief);
        assertThat(onB.locator("#room")).containsText("The facilitator has not opened the room yet");
        // Ben's arrival on node B reaches Fay's page on node A.
        assertThat(onA.locator(".room-people .present"))
                .hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(5000));
        caughtUp(onB);

        // The facilitator opens the room straight into reflecting; Ben's page on node B follows.
        move(onA, "reflect", "Open the room");
        assertThat(onA.locator(".room-phases [aria-current=step]")).hasText("Reflect");
        assertThat(onB.locator("#room .room-timer")).containsText("Reflect", LIVE);
        assertThat(onB.locator("#room")).containsText("0 cards by others so far");

        // Fay writes a card as anyone would, through the room's form on node A.
        caughtUp(onA);
        onA.getByLabel("Column").selectOption(new SelectOption().setLabel("Stop"));
        onA.getByLabel("Your card").fill("Stop promoting replicas by hand: one was promoted twice");
        long clicked = System.nanoTime();
        onA.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the card"))
                .click();
        assertThat(onA.locator(".card-columns"))
                .containsText("Stop promoting replicas by hand: one was promoted twice");
        assertThat(onA.getByLabel("Your card")).hasValue("");

        // Hidden while reflecting: node B's page counts the card without showing it.
        assertThat(onB.locator("#room")).containsText("1 card by others so far", LIVE);
        System.out.println("A card added in a browser on node A showed in a browser on node B in "
                + (System.nanoTime() - clicked) / 1_000_000 + " ms");
        assertThat(onB.locator("#room")).not().containsText("promoted twice");

        // Once the facilitator moves on, node B's page shows the card's text, with its author.
        move(onA, "group", "Move the room");
        assertThat(onB.locator(".room-phases [aria-current=step]"))
                .hasText("Group", new LocatorAssertions.HasTextOptions().setTimeout(5000));
        assertThat(onB.locator(".card-columns li.card"))
                .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(5000));
        assertThat(onB.locator(".card-columns li.card"))
                .containsText("Stop promoting replicas by hand: one was promoted twice", LIVE);
        assertThat(onB.locator(".card-columns li.card")).containsText("by Fay Facilitator");

        for (Page page : new Page[] {onA, onB}) {
            assertThat(page.evaluate("window.notReloaded === true"))
                    .as("never reloaded")
                    .isEqualTo(true);
        }
        onA.setViewportSize(1280, 900);
        onB.setViewportSize(1280, 900);
        Browser.screenshot(onA, "two-node-room-a-1280");
        Browser.screenshot(onB, "two-node-room-b-1280");
    }
}
