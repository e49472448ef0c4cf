package org.kintsugi.debrief.room;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Notes on a theme in a browser while the group discusses it: the language coach reads a note as it is typed, for
 * its writer, and keeps reading it when someone else's note refreshes the room mid-sentence; once added, the note
 * reaches everyone's page without a reload, and the facilitator alone sees it marked.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "kintsugi.admin.email=" + TestPeople.ADMIN_EMAIL,
            "kintsugi.admin.password=" + TestPeople.PASSWORD,
            "kintsugi.admin.name=Ada Admin",
            "kintsugi.reminders.cron=-"
        })
class RoomNotesBrowserTests {

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

    HttpResponse<String> api(UserView as, String path, String json) throws Exception {
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

    /** Schedule a retrospective with two others invited, make one theme and open it for discussion; return it. */
    long discussing(long id, UserView facilitator, UserView one) throws Exception {
        String room = "/api/v1/debriefs/" + id;
        Assertions.assertThat(api(facilitator, room + "/phase", "{\"phase\": \"group\"}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> made = api(one, room + "/themes", "{\"title\": \"Releases on Fridays\"}");
        Assertions.assertThat(made.statusCode()).isEqualTo(201);
        List<Integer> ids = JsonPath.read(made.body(), "$.themes[?(@.title == 'Releases on Fridays')].id");
        Assertions.assertThat(api(facilitator, room + "/phase", "{\"phase\": \"discuss\"}")
                        .statusCode())
                .isEqualTo(200);
        return ids.getFirst();
    }

    long retrospective(UserView facilitator, UserView one, UserView another) {
        return debriefs.schedule(
                        null,
                        DebriefDetails.parse(
                                "Friday releases retrospective",
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
    }

    Page enter(UserView who, long id) {
        Page page = browser.newPage();
        Browser.signIn(page, url(""), who.email(), TestPeople.PASSWORD);
        page.navigate(url("/debriefs/" + id));
        return page;
    }

    @Test
    void aNoteTypedWhileTheRoomChangesIsCoachedKeptAddedAndSeenByEveryoneWithoutReload() throws Exception {
        UserView facilitator = person("Fiona Facilitator");
        UserView writer = person("Wendy Writer");
        UserView other = person("Otto Other");
        long id = retrospective(facilitator, writer, other);
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
                                "{\"text\": \"Fridays carry the week's backlog.\"}")
                        .statusCode())
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
