package org.kintsugi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kintsugi.action.ActionFixtures;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionView;
import org.kintsugi.debrief.DebriefDetails;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.debrief.InviteeRole;
import org.kintsugi.debrief.NewInvitee;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.NewUser;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.support.Browser;
import org.kintsugi.support.ChatServer;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A debrief in the room, as three people in three browsers live it: the facilitator opens the room and moves it on,
 * the two others write cards the facilitator sees once reflecting ends, all without reloading; they group the cards
 * (one by keyboard, one by dragging), vote, discuss, propose a next step that becomes an action item, and close.
 * The facilitator shares the summary with those invited, who get it by mail, and with the teams involved, whose chat
 * channel gets it through its incoming webhook. Screenshots at 1280 and 390 px.
 */
@KintsugiServerTest
class DebriefRoomJourneyTests {

    /** How long a change may take to reach another browser: "within a second", with room for a busy build machine. */
    static final LocatorAssertions.ContainsTextOptions LIVE =
            new LocatorAssertions.ContainsTextOptions().setTimeout(3000);

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    static Browser browser;

    static ChatServer chat;

    @LocalServerPort
    int port;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    UserManagement users;

    @Autowired
    DebriefManagement debriefs;

    @Autowired
    ActionManagement actions;

    @BeforeAll
    static void startBrowserAndChat() {
        browser = Browser.start();
        chat = new ChatServer();
    }

    @AfterAll
    static void stopBrowserAndChat() {
        if (browser != null) {
            browser.close();
        }
        if (chat != null) {
            chat.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    Page enter(String email, long id) {
        Page page = browser.newPage();
        Browser.signIn(page, url(""), email, TestPeople.PASSWORD);
        page.navigate(url("/debriefs/" + id));
        // Set once: still there at the end only if the page was never loaded again.
        page.evaluate("window.notReloaded = true");
        return page;
    }

    void move(Page facilitator, String phase) {
        facilitator
                .getByLabel("Move to", new Page.GetByLabelOptions().setExact(true))
                .selectOption(phase);
        facilitator
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move the room"))
                .click();
    }

    /** Return the theme whose title starts so; a card's "move to theme" list names every theme too. */
    static Locator theme(Page page, String title) {
        return page.locator("article.theme:has(h4:text-matches('^" + title + "'))");
    }

    void shoot(Page page, String name) {
        for (int width : new int[] {1280, 390}) {
            page.setViewportSize(width, width == 390 ? 844 : 900);
            Browser.screenshot(page, name + "-" + width);
            assertThat(DebriefJourneyTests.fitsWidth(page))
                    .as(name + " fits " + width + " px")
                    .isTrue();
        }
        page.setViewportSize(1280, 900);
    }

    @Test
    void threePeopleDebriefTogetherLive() throws Exception {
        UserView fay =
                users.add(new NewUser("fay.room@kintsugi.test", "Fay Facilitator", TestPeople.PASSWORD, Role.MEMBER));
        UserView ada = users.add(new NewUser("ada.room@kintsugi.test", "Ada Oncall", TestPeople.PASSWORD, Role.MEMBER));
        UserView ben =
                users.add(new NewUser("ben.room@kintsugi.test", "Ben Builder", TestPeople.PASSWORD, Role.MEMBER));
        long pm = ActionFixtures.postmortem(
                incidents,
                postmortems,
                fay,
                "Payments stalled during the database failover",
                "Payments",
                Instant.now());
        long id = debriefs.schedule(
                        pm,
                        DebriefDetails.parse(
                                "Debrief: payments failover",
                                LocalDate.now().plusDays(1).toString(),
                                "10:00",
                                "UTC",
                                "60",
                                "https://meet.example.org/payments",
                                fay.id()),
                        List.of(
                                NewInvitee.person(ada.id(), InviteeRole.REQUIRED),
                                NewInvitee.person(ben.id(), InviteeRole.REQUIRED)),
                        KintsugiPrincipal.of(fay))
                .id();

        // The payments team's chat channel, added by an administrator, wants what is shared with that team.
        HttpResponse<String> channel = asAdmin(
                "/api/v1/sharing/channels",
                "{\"name\": \"Payments in Mattermost\", \"format\": \"mattermost\", \"url\": \"%s\","
                                .formatted(chat.url("payments"))
                        + " \"scope\": \"teams\", \"items\": [\"Payments\"]}");
        assertThat(channel.statusCode()).as(channel.body()).isEqualTo(201);

        Page f = enter(fay.email(), id);
        Page a = enter(ada.email(), id);
        Page b = enter(ben.email(), id);
        assertThat(a.locator("#room")).containsText("The facilitator has not opened the room yet");

        f.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the room"))
                .click();
        assertThat(f.locator(".room-phases [aria-current=step]")).hasText("Check-in");
        assertThat(a.locator("#room")).containsText("Assume good intent", LIVE);
        assertThat(b.locator("#room")).containsText("What happened, not who", LIVE);
        assertThat(f.locator(".room-people .present"))
                .hasCount(3, new LocatorAssertions.HasCountOptions().setTimeout(3000));
        shoot(a, "room-check-in");

        move(f, "timeline");
        assertThat(b.locator("#room")).containsText("The timeline", LIVE);
        move(f, "reflect");
        assertThat(a.locator("#room .room-timer")).containsText("Reflect", LIVE);

        a.getByLabel("Column").selectOption(new SelectOption().setLabel("What went wrong"));
        a.getByLabel("Your card").fill("The failover runbook assumed a replica that was gone");
        a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the card"))
                .click();
        assertThat(a.locator(".card-columns")).containsText("The failover runbook assumed a replica");
        b.getByLabel("Column").selectOption(new SelectOption().setLabel("Where we got lucky"));
        b.getByLabel("Your card").fill("The on-call engineer happened to know the old replica's address");
        b.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the card"))
                .click();
        assertThat(b.getByLabel("Your card")).hasValue("");

        // Hidden while reflecting: the facilitator sees that two cards exist, not what they say.
        assertThat(f.locator("#room")).containsText("2 cards by others so far", LIVE);
        assertThat(f.locator("#room")).not().containsText("failover runbook assumed");
        assertThat(a.locator("#room")).not().containsText("happened to know");
        shoot(b, "room-reflect");

        move(f, "group");
        assertThat(f.locator("#room")).containsText("The failover runbook assumed a replica that was gone", LIVE);
        assertThat(f.locator("#room")).containsText("happened to know the old replica's address", LIVE);
        assertThat(a.locator("#room")).containsText("happened to know", LIVE);

        a.getByLabel("New theme").fill("Runbooks drift from the system");
        a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the theme"))
                .click();
        assertThat(b.locator(".themes")).containsText("Runbooks drift from the system", LIVE);
        a.getByLabel("New theme").fill("Knowledge held by one person");
        a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the theme"))
                .click();
        assertThat(b.locator(".themes")).containsText("Knowledge held by one person", LIVE);

        // By keyboard: Ben moves his card with the "move to theme" select and its button.
        Locator bensCard = b.locator("li.card", new Page.LocatorOptions().setHasText("happened to know"));
        bensCard.getByLabel("Move to theme").focus();
        bensCard.getByLabel("Move to theme").selectOption(new SelectOption().setLabel("Knowledge held by one person"));
        bensCard.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move"))
                .press("Enter");
        assertThat(theme(f, "Knowledge held by one person")).containsText("happened to know", LIVE);

        // By mouse: Ada drags her card onto the runbooks theme, once her page shows Ben's move.
        assertThat(theme(a, "Knowledge held by one person")).containsText("happened to know", LIVE);
        a.locator("li.card", new Page.LocatorOptions().setHasText("failover runbook assumed"))
                .dragTo(theme(a, "Runbooks drift"));
        assertThat(theme(f, "Runbooks drift")).containsText("failover runbook assumed", LIVE);
        shoot(f, "room-group");

        move(f, "vote");
        Locator runbooksVote = a.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vote for Runbooks drift from the system"));
        runbooksVote.click();
        assertThat(a.locator(".my-votes")).containsText("You have 4 of 5 votes left", LIVE);
        a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vote for Runbooks drift from the system"))
                .click();
        assertThat(a.locator(".my-votes")).containsText("You have 3 of 5 votes left", LIVE);
        // A click lands on the room as it is once the others' votes have reached Ben's page.
        assertThat(theme(b, "Runbooks drift").locator(".theme-votes"))
                .hasText("2 votes", new LocatorAssertions.HasTextOptions().setTimeout(3000));
        b.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vote for Runbooks drift from the system"))
                .click();
        assertThat(theme(f, "Runbooks drift").locator(".theme-votes"))
                .hasText("3 votes", new LocatorAssertions.HasTextOptions().setTimeout(3000));
        assertThat(f.locator(".room-people")).containsText("Ada Oncall", LIVE);
        assertThat(f.locator(".room-people .person", new Page.LocatorOptions().setHasText("Ada Oncall")))
                .containsText("3 left", LIVE);
        shoot(b, "room-vote");

        move(f, "discuss");
        assertThat(b.locator(".themes h3")).containsText("most votes first", LIVE);
        assertThat(b.locator("article.theme").first()).containsText("Runbooks drift from the system");
        f.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions()
                                .setName("Dig into Runbooks drift from the system with the five whys"))
                .click();
        assertThat(theme(b, "Runbooks drift")).containsText("Its branch of the five whys", LIVE);
        String branch = theme(b, "Runbooks drift")
                .getByText("Its branch of the five whys")
                .getAttribute("href");
        assertThat(branch).startsWith("/postmortems/" + pm + "/whys/nodes/");

        move(f, "actions");
        assertThat(a.locator("#room")).containsText("Next steps", LIVE);
        a.getByLabel("Next step").fill("Rehearse the failover with the current replicas every quarter");
        a.getByLabel("Its one owner").selectOption(new SelectOption().setLabel("Ben Builder"));
        a.getByLabel("How will we know it worked?").fill("The next drill finishes within the runbook's 10 minutes");
        a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose"))
                .click();
        assertThat(f.locator(".proposals")).containsText("Rehearse the failover", LIVE);
        assertThat(f.locator(".proposals")).containsText("owner: Ben Builder");
        shoot(a, "room-actions");
        List<ActionView> items = actions.forPostmortem(pm);
        assertThat(items)
                .extracting(ActionView::title)
                .contains("Rehearse the failover with the current replicas every quarter");

        move(f, "closed");
        assertThat(b.locator(".room-timer")).containsText("Closed", LIVE);
        assertThat(b.locator("#room")).containsText("Rehearse the failover", LIVE);
        assertThat(f.locator(".room-summary")).containsText("Runbooks drift from the system (3 votes)");
        assertThat(f.locator(".room-summary")).containsText("owner: Ben Builder");
        f.getByLabel("Share it with").selectOption("participants");
        f.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share the summary"))
                .click();
        assertThat(f.locator("#room")).containsText("Shared: the summary goes out");
        assertThat(b.locator(".room-summary")).containsText("Runbooks drift from the system (3 votes)", LIVE);
        shoot(f, "room-closed");

        // Those invited get the summary by mail, with what the room decided; a chat channel is no invitee.
        for (UserView invitee : List.of(ada, ben)) {
            MimeMessage mail = awaitSummary(invitee.email(), 1).getFirst();
            assertThat(mail.getSubject()).isEqualTo("Debrief: payments failover");
            assertThat(text(mail))
                    .contains(
                            "Runbooks drift from the system",
                            "The failover runbook assumed a replica that was gone",
                            "Rehearse the failover with the current replicas every quarter",
                            "owner: Ben Builder",
                            "/postmortems/" + pm);
        }
        assertThat(chat.requests()).as("posts to the chat channel").isZero();

        // Shared with the teams involved, it reaches the payments channel, once, and no more mail to the invitees.
        f.getByLabel("Share it with").selectOption("teams");
        f.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share the summary"))
                .click();
        assertThat(f.locator("#room")).containsText("Shared: the summary goes out");
        await().atMost(Duration.ofSeconds(20)).until(() -> !chat.bodies().isEmpty());
        String posted = JsonPath.read(chat.bodies().getFirst(), "$.text");
        assertThat(posted)
                .startsWith("#### [Debrief: payments failover](")
                .contains(
                        "/postmortems/" + pm,
                        "Runbooks drift from the system",
                        "Rehearse the failover with the current replicas every quarter",
                        "owner: Ben Builder");
        assertThat(chat.bodies()).hasSize(1);
        assertThat(summaries(ada.email())).hasSize(1);
        assertThat(summaries(ben.email())).hasSize(1);

        for (Page page : List.of(f, a, b)) {
            assertThat(page.evaluate("window.notReloaded === true"))
                    .as("never reloaded")
                    .isEqualTo(true);
        }

        // The summary is kept with the postmortem: Ada finds it there, under the postmortem's debriefs.
        a.navigate(url("/postmortems/" + pm));
        Locator kept = a.locator(".debrief-summary");
        assertThat(kept).containsText("Runbooks drift from the system (3 votes)");
        assertThat(kept).containsText("owner: Ben Builder");
        assertThat(kept).not().containsText("did not come");
        assertThat(kept.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("discussed in the five whys")))
                .hasAttribute("href", java.util.regex.Pattern.compile("^https?://[^/]+" + branch + "$"));
        shoot(a, "postmortem-debrief-summary");
        for (int width : new int[] {1280, 390}) {
            a.setViewportSize(width, 900);
            kept.screenshot(new Locator.ScreenshotOptions()
                    .setPath(Browser.SCREENSHOTS.resolve("postmortem-debrief-summary-section-" + width + ".png")));
        }
    }

    HttpResponse<String> asAdmin(String path, String json) {
        String basic = Base64.getEncoder()
                .encodeToString((TestPeople.ADMIN_EMAIL + ":" + TestPeople.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url(path)))
                            .header("Authorization", "Basic " + basic)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Return the mails to this address other than the invitation to the debrief. */
    static List<MimeMessage> summaries(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            boolean toThem = Arrays.stream(mail.getAllRecipients())
                    .anyMatch(r -> r.toString().equalsIgnoreCase(address));
            if (toThem && !mail.getSubject().startsWith("Invitation: ")) {
                found.add(mail);
            }
        }
        return found;
    }

    static List<MimeMessage> awaitSummary(String address, int count) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> summaries(address).size() >= count);
        return summaries(address);
    }

    /** Return a mail's plain-text part, decoded. */
    static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart parts) {
            for (int n = 0; n < parts.getCount(); n++) {
                BodyPart child = parts.getBodyPart(n);
                String found = text(child);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
