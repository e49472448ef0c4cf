package org.kintsugi.debrief.room;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kintsugi.debrief.DebriefDetails;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.debrief.InviteeRole;
import org.kintsugi.debrief.NewInvitee;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.NewUser;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.support.Browser;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The room in a browser while others change it: the language coach reads a card or a note on a theme as its writer
 * types it and keeps reading it when someone else's change refreshes the room mid-sentence (what it says is for the
 * writer alone until the card or note is saved, and then only the facilitator sees it marked); a theme's title being
 * typed stays through a refresh; and a change that arrives while the page is still reading the room for an earlier one
 * is shown once that read is back.
 */
@KintsugiServerTest
class RoomBrowserTests {

    static final LocatorAssertions.ContainsTextOptions SOON =
            new LocatorAssertions.ContainsTextOptions().setTimeout(5000);

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    UserManagement users;

    @Autowired
    DebriefManagement debriefs;

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

    UserView person(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return users.add(new NewUser(
                name.toLowerCase().replace(' ', '.') + "." + unique + "@kintsugi.test",
                name,
                TestPeople.PASSWORD,
                Role.MEMBER));
    }

    int api(UserView as, String path, String json) throws Exception {
        return post(as, path, json).statusCode();
    }

    HttpResponse<String> post(UserView as, String path, String json) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString((as.email() + ":" + TestPeople.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Move a room on to grouping, make one theme and open it for discussion; return the theme's id. */
    long discussing(long id, UserView facilitator, UserView one) throws Exception {
        String room = "/api/v1/debriefs/" + id;
        Assertions.assertThat(api(facilitator, room + "/phase", "{\"phase\": \"group\"}"))
                .isEqualTo(200);
        HttpResponse<String> made = post(one, room + "/themes", "{\"title\": \"Releases on Fridays\"}");
        Assertions.assertThat(made.statusCode()).isEqualTo(201);
        List<Integer> ids = JsonPath.read(made.body(), "$.themes[?(@.title == 'Releases on Fridays')].id");
        Assertions.assertThat(api(facilitator, room + "/phase", "{\"phase\": \"discuss\"}"))
                .isEqualTo(200);
        return ids.getFirst();
    }

    /** Schedule a retrospective facilitated by one person with two others invited, and open it in its reflect phase. */
    long reflecting(String title, UserView facilitator, UserView one, UserView another) throws Exception {
        long id = debriefs.schedule(
                        null,
                        DebriefDetails.parse(
                                title,
                                LocalDate.now().plusDays(5).toString(),
                                "10:00",
                                "UTC",
                                "60",
                                "https://meet.example.org/retro",
                                facilitator.id()),
                        List.of(
                                NewInvitee.person(one.id(), InviteeRole.REQUIRED),
                                NewInvitee.person(another.id(), InviteeRole.REQUIRED)),
                        KintsugiPrincipal.of(facilitator))
                .id();
        Assertions.assertThat(api(facilitator, "/api/v1/debriefs/" + id + "/phase", "{\"phase\": \"reflect\"}"))
                .isEqualTo(200);
        return id;
    }

    Page enter(UserView who, long id) {
        Page page = browser.newPage();
        Browser.signIn(page, url(""), who.email(), TestPeople.PASSWORD);
        page.navigate(url("/debriefs/" + id));
        return page;
    }

    @Test
    void theCoachReadsACardAsItIsTypedForItsWriterAloneAndMarksItForTheFacilitatorOnceSaved() throws Exception {
        UserView facilitator = person("Fiona Facilitator");
        UserView writer = person("Wendy Writer");
        UserView other = person("Otto Other");
        long id = reflecting("Release retrospective", facilitator, writer, other);
        String room = "/api/v1/debriefs/" + id;

        Page lead = enter(facilitator, id);
        Page page = enter(writer, id);
        assertThat(page.locator("#card-text")).isVisible();
        String blaming = "Bob should have known better than to deploy on a Friday.";
        page.locator("#card-text").pressSequentially(blaming, new Locator.PressSequentiallyOptions().setDelay(5));
        assertThat(page.locator("#coach-card")).containsText("to reconsider", SOON);
        assertThat(lead.locator("#room")).not().containsText("Bob should have known");
        assertThat(lead.locator("#room")).not().containsText("as blame to the coach");

        // Someone else's card refreshes the room mid-sentence: the draft stays, and so does the coach's reading of it.
        Assertions.assertThat(
                        api(other, room + "/cards", "{\"column\": \"keep\", \"text\": \"Pairing on the release\"}"))
                .isEqualTo(201);
        assertThat(lead.locator("#room")).containsText("1 card by others so far", SOON);
        assertThat(page.locator("#room")).containsText("1 card by others so far", SOON);
        assertThat(page.locator("#card-text")).hasValue(blaming);
        assertThat(page.locator("#coach-card")).containsText("to reconsider", SOON);
        Browser.screenshot(page, "room-coach-while-typing-1280");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the card"))
                .click();
        assertThat(lead.locator("#room")).containsText("1 card reads as blame to the coach", SOON);
        assertThat(page.locator("#room")).not().containsText("as blame to the coach");
        assertThat(page.locator("#card-text")).hasValue("");
        lead.close();
        page.close();
    }

    @Test
    void aChangeArrivingWhileThePageStillReadsTheRoomIsShownOnceThatReadIsBack() throws Exception {
        UserView facilitator = person("Fiona Facilitator");
        UserView ada = person("Ada Oncall");
        UserView ben = person("Ben Builder");
        long id = reflecting("Queue retrospective", facilitator, ada, ben);
        String room = "/api/v1/debriefs/" + id;
        Page page = enter(ben, id);
        assertThat(page.locator("#room")).containsText("0 cards by others so far", SOON);
        // The theme is made while Ben's page is still reading the room for the move to grouping: the read has been
        // answered by the server (without the theme) but has not reached the page yet when the theme's event does.
        AtomicBoolean first = new AtomicBoolean(true);
        page.route("**/debriefs/" + id + "/room", route -> {
            if (!first.getAndSet(false)) {
                route.resume();
                return;
            }
            APIResponse answered = route.fetch();
            try {
                Assertions.assertThat(api(ada, room + "/themes", "{\"title\": \"Alerting gaps\"}"))
                        .isEqualTo(201);
                Thread.sleep(1000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            route.fulfill(new Route.FulfillOptions().setResponse(answered));
        });
        Assertions.assertThat(api(facilitator, room + "/phase", "{\"phase\": \"group\"}"))
                .isEqualTo(200);
        assertThat(page.locator("#room"))
                .containsText("Alerting gaps", new LocatorAssertions.ContainsTextOptions().setTimeout(10000));
        page.close();
    }

    @Test
    void aThemeTitleBeingTypedStaysWhenSomeoneElsesChangeRedrawsTheRoom() throws Exception {
        UserView facilitator = person("Fiona Facilitator");
        UserView ada = person("Ada Oncall");
        UserView ben = person("Ben Builder");
        long id = reflecting("Title retrospective", facilitator, ada, ben);
        String room = "/api/v1/debriefs/" + id;
        Assertions.assertThat(api(facilitator, room + "/phase", "{\"phase\": \"group\"}"))
                .isEqualTo(200);
        Page page = enter(ben, id);
        assertThat(page.locator("#theme-title")).isVisible();
        page.locator("#theme-title").pressSequentially("Pager fatigue at ni");
        Assertions.assertThat(api(ada, room + "/themes", "{\"title\": \"Alerting gaps\"}"))
                .isEqualTo(201);
        assertThat(page.locator(".themes")).containsText("Alerting gaps", SOON);
        assertThat(page.locator("#theme-title")).hasValue("Pager fatigue at ni");
        page.locator("#theme-title").pressSequentially("ght");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the theme"))
                .click();
        assertThat(page.locator(".themes")).containsText("Pager fatigue at night", SOON);
        assertThat(page.locator("#theme-title")).hasValue("");
        page.close();
    }

    @Test
    void aThemeWhoseOwnRefreshOvertakesItsAnswerLeavesTheBoxEmpty() throws Exception {
        UserView facilitator = person("Fiona Facilitator");
        UserView ada = person("Ada Oncall");
        UserView ben = person("Ben Builder");
        long id = reflecting("Overtaken retrospective", facilitator, ada, ben);
        String room = "/api/v1/debriefs/" + id;
        Assertions.assertThat(api(facilitator, room + "/phase", "{\"phase\": \"group\"}"))
                .isEqualTo(200);
        Page page = enter(ben, id);
        assertThat(page.locator("#theme-title")).isVisible();
        // The answer to Ben's theme reaches the page only after the live refresh that his own change set off: the
        // refresh must not keep the sent title as a draft, or it stays in the box with the theme already made.
        page.route("**/debriefs/" + id + "/room/themes", route -> {
            APIResponse answered = route.fetch();
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            route.fulfill(new Route.FulfillOptions().setResponse(answered));
        });
        page.locator("#theme-title").fill("Pager fatigue at night");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the theme"))
                .click();
        assertThat(page.locator(".themes")).containsText("Pager fatigue at night", SOON);
        assertThat(page.locator("#theme-title")).hasValue("");
        page.waitForTimeout(2500);
        assertThat(page.locator("#theme-title")).hasValue("");
        page.close();
    }

    @Test
    void someoneArrivingWhileThePageStillReadsTheRoomIsShownHereOnceThatReadIsBack() throws Exception {
        UserView facilitator = person("Fiona Facilitator");
        UserView ada = person("Ada Oncall");
        UserView ben = person("Ben Builder");
        long id = reflecting("Arrival retrospective", facilitator, ada, ben);
        Page page = enter(ben, id);
        // The coach under an empty card box has nothing to read: a room drawn again for a change asks it nothing.
        AtomicInteger coachReads = new AtomicInteger();
        page.onRequest(request -> {
            if (request.url().contains("/language/highlight")) {
                coachReads.incrementAndGet();
            }
        });
        assertThat(page.locator("#room")).containsText("0 cards by others so far", SOON);
        assertThat(page.locator(".room-people .present")).hasCount(1);
        // Ada arrives while Ben's page is still reading the room for the move to grouping: the read has been answered
        // (Ada not yet here) but has not reached the page when the line of who is here, with Ada on it, does.
        String basic = Base64.getEncoder()
                .encodeToString((ada.email() + ":" + TestPeople.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpClient adas = HttpClient.newHttpClient();
        try {
            AtomicBoolean first = new AtomicBoolean(true);
            page.route("**/debriefs/" + id + "/room", route -> {
                if (!first.getAndSet(false)) {
                    route.resume();
                    return;
                }
                APIResponse answered = route.fetch();
                try {
                    HttpResponse<?> stream = adas.sendAsync(
                                    HttpRequest.newBuilder(URI.create(url("/api/v1/debriefs/" + id + "/events")))
                                            .header("Authorization", "Basic " + basic)
                                            .header("Accept", "text/event-stream")
                                            .build(),
                                    HttpResponse.BodyHandlers.ofLines())
                            .get(10, java.util.concurrent.TimeUnit.SECONDS);
                    Assertions.assertThat(stream.statusCode()).isEqualTo(200);
                    Thread.sleep(1000);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                route.fulfill(new Route.FulfillOptions().setResponse(answered));
            });
            Assertions.assertThat(api(facilitator, "/api/v1/debriefs/" + id + "/phase", "{\"phase\": \"group\"}"))
                    .isEqualTo(200);
            assertThat(page.locator(".room-phases [aria-current=step]"))
                    .hasText("Group", new LocatorAssertions.HasTextOptions().setTimeout(10000));
            assertThat(page.locator(".room-people .present"))
                    .hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(5000));
            assertThat(page.locator(".room-people")).containsText("Ada Oncall");
            Assertions.assertThat(coachReads.get())
                    .as("the coach asked about empty boxes")
                    .isZero();
        } finally {
            adas.shutdownNow();
            page.close();
        }
    }

    @Test
    void aNoteTypedWhileTheRoomChangesIsCoachedKeptAddedAndSeenByEveryoneWithoutReload() throws Exception {
        UserView facilitator = person("Fiona Facilitator");
        UserView writer = person("Wendy Writer");
        UserView other = person("Otto Other");
        long id = reflecting("Friday releases retrospective", facilitator, writer, other);
        long theme = discussing(id, facilitator, writer);
        String box = "#note-text-" + theme;

        Page lead = enter(facilitator, id);
        Page them = enter(other, id);
        Page page = enter(writer, id);
        assertThat(page.locator(box)).isVisible();
        String blaming = "Bob should have known better than to deploy on a Friday.";
        page.locator(box).pressSequentially(blaming, new Locator.PressSequentiallyOptions().setDelay(5));
        assertThat(page.locator("#coach-note-" + theme)).containsText("to reconsider", SOON);

        // Someone else's note refreshes the room mid-sentence: the draft stays, and so does the coach's reading of it.
        Assertions.assertThat(api(
                        other,
                        "/api/v1/debriefs/" + id + "/themes/" + theme + "/notes",
                        "{\"text\": \"Fridays carry the week's backlog.\"}"))
                .isEqualTo(201);
        assertThat(page.locator("#room")).containsText("Fridays carry the week's backlog.", SOON);
        assertThat(page.locator(box)).hasValue(blaming);
        assertThat(page.locator("#coach-note-" + theme)).containsText("to reconsider", SOON);
        Browser.screenshot(page, "room-note-coach-while-typing-1280");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the note"))
                .click();
        assertThat(page.locator(box)).hasValue("");
        assertThat(them.locator("article.theme li.note").last()).containsText(blaming, SOON);
        assertThat(them.locator("article.theme li.note").last()).containsText("by Wendy Writer");
        assertThat(them.locator("#room")).not().containsText("Coach:");
        assertThat(lead.locator("li.note.nudged")).containsText(blaming, SOON);
        assertThat(lead.locator("li.note.nudged")).containsText("Coach:");
        assertThat(lead.locator("#room")).containsText("1 note reads as blame to the coach");
        Browser.screenshot(lead, "room-notes-facilitator-1280");

        page.setViewportSize(390, 844);
        assertThat(page.locator(box)).isVisible();
        page.locator(box).fill("We could move the release to Thursday.");
        Browser.screenshot(page, "room-notes-390");
        lead.setViewportSize(390, 844);
        Browser.screenshot(lead, "room-notes-facilitator-390");
        lead.close();
        them.close();
        page.close();
    }
}
