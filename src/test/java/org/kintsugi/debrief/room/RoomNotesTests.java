package org.kintsugi.debrief.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Notes on a theme, through the API and the room's page: anyone in the room writes down what the group said in the
 * discuss and actions phases; the writer takes their own away and the facilitator any; strangers, viewers, other
 * phases, other debriefs' themes and overlong notes are refused with a reason; the coach's nudge is the facilitator's
 * alone; and the notes go into the summary under their theme.
 */
@KintsugiAppTest
class RoomNotesTests {

    static final String BLAME = "Bob should have known better than to deploy on a Friday.";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    DebriefManagement debriefs;

    @Autowired
    RoomLog log;

    RoomWorld w;
    long theme;

    @BeforeEach
    void aThemeUnderDiscussion() throws Exception {
        w = RoomWorld.retrospective(debriefs, people);
        theme = theme(w, "Releases on Fridays");
        phase(w, "discuss");
    }

    MvcTestResult call(HttpMethod method, String path, UserView as, String body) {
        return mvc.method(method)
                .uri(path)
                .with(httpBasic(as.email(), TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    void phase(RoomWorld world, String phase) {
        assertThat(call(HttpMethod.POST, world.api() + "/phase", world.facilitator(), "{\"phase\": \"" + phase + "\"}"))
                .hasStatus(200);
    }

    /** Move the room to grouping, start a theme there, and move on to voting. */
    long theme(RoomWorld world, String title) throws Exception {
        phase(world, "group");
        MvcTestResult made =
                call(HttpMethod.POST, world.api() + "/themes", world.ada(), "{\"title\": \"" + title + "\"}");
        assertThat(made).hasStatus(201);
        List<Integer> ids = JsonPath.read(body(made), "$.themes[?(@.title == '" + title + "')].id");
        phase(world, "vote");
        return ids.getFirst();
    }

    String notes() {
        return w.api() + "/themes/" + theme + "/notes";
    }

    MvcTestResult write(UserView as, String text) {
        return call(
                HttpMethod.POST,
                notes(),
                as,
                "{\"text\": " + JsonPath.parse(List.of(text)).jsonString().replaceAll("^\\[|\\]$", "") + "}");
    }

    long note(UserView as, String text) throws Exception {
        MvcTestResult made = write(as, text);
        assertThat(made).hasStatus(201);
        return ((Number) JsonPath.read(body(made), "$.id")).longValue();
    }

    List<String> texts(UserView as) throws Exception {
        MvcTestResult listed = call(HttpMethod.GET, notes(), as, "");
        assertThat(listed).hasStatusOk();
        return JsonPath.read(body(listed), "$[*].text");
    }

    @Nested
    @DisplayName("writing and reading")
    class Writing {

        @Test
        void aRoomWithMoreNotesThanASummaryHoldsStillClosesWithItsSummaryCutAtTheLimit() throws Exception {
            String line = "The failover was rehearsed on a copy of production that no longer matched it. ";
            for (int n = 0; n < 12; n++) {
                note(w.ada(), (n + ": " + line.repeat(30)).substring(0, RoomNotes.NOTE_LENGTH));
            }
            phase(w, "closed");
            MvcTestResult summary = call(HttpMethod.GET, w.api() + "/summary", w.facilitator(), "");
            assertThat(summary).hasStatusOk();
            String markdown = JsonPath.read(body(summary), "$.markdown");
            assertThat(markdown.length()).isLessThanOrEqualTo(RoomSummary.LENGTH);
            assertThat(markdown)
                    .contains("Note by " + w.ada().displayName() + ": 0: The failover")
                    .contains("The summary is cut here, at 20000 characters: the room keeps everything, at http")
                    .endsWith("/debriefs/" + w.id() + ".*\n");
            // As written, the facilitator can save it back.
            assertThat(call(
                            HttpMethod.PUT,
                            w.api() + "/summary",
                            w.facilitator(),
                            "{\"markdown\": "
                                    + JsonPath.parse(List.of(markdown))
                                            .jsonString()
                                            .replaceAll("^\\[|\\]$", "") + "}"))
                    .hasStatusOk();
        }

        @Test
        void aNoteIsAnsweredAsItsWriterSeesItAndListedForEveryoneInTheRoomInTheOrderWritten() throws Exception {
            long before = log.latest(w.id());
            MvcTestResult made = write(w.ada(), "We release on Fridays because the week's work piles up.");
            assertThat(made).hasStatus(201);
            assertThat((String) JsonPath.read(body(made), "$.text"))
                    .isEqualTo("We release on Fridays because the week's work piles up.");
            assertThat((String) JsonPath.read(body(made), "$.author"))
                    .isEqualTo(w.ada().displayName());
            assertThat((Boolean) JsonPath.read(body(made), "$.mine")).isTrue();
            assertThat(log.latest(w.id()))
                    .as("the change is logged, so every open page reads the room again")
                    .isGreaterThan(before);
            note(w.ben(), "Nobody wants to hold a change over the weekend.");

            assertThat(texts(w.viewer()))
                    .containsExactly(
                            "We release on Fridays because the week's work piles up.",
                            "Nobody wants to hold a change over the weekend.");
            MvcTestResult listed = call(HttpMethod.GET, notes(), w.ben(), "");
            assertThat((List<String>) JsonPath.read(body(listed), "$[*].author"))
                    .containsExactly(w.ada().displayName(), w.ben().displayName());
            assertThat((List<Boolean>) JsonPath.read(body(listed), "$[*].mine")).containsExactly(false, true);
            assertThat((List<Boolean>) JsonPath.read(body(listed), "$[*].removable"))
                    .containsExactly(false, true);
            // The room read as a whole carries them under their theme too.
            MvcTestResult room = call(HttpMethod.GET, w.api() + "/room", w.ben(), "");
            assertThat((List<String>) JsonPath.read(body(room), "$.themes[0].notes[*].text"))
                    .hasSize(2);
        }

        @Test
        void notesAreWrittenInTheActionsPhaseTooButNotBeforeDiscussingNorOnceClosed() throws Exception {
            phase(w, "actions");
            assertThat(write(w.ada(), "Still worth saying.")).hasStatus(201);
            phase(w, "vote");
            MvcTestResult voting = write(w.ada(), "Too early.");
            assertThat(voting).hasStatus(409);
            assertThat(body(voting)).contains("discuss and actions phases", "the room is in vote");
            phase(w, "closed");
            assertThat(body(write(w.ada(), "Too late."))).contains("the room is in closed");
            assertThat(texts(w.ada())).containsExactly("Still worth saying.");
        }

        @Test
        void aNoteLongerThanTheLimitIsRefusedNamingTheLimitAndAnEmptyOneSayingSo() throws Exception {
            MvcTestResult tooLong = write(w.ada(), "x".repeat(RoomNotes.NOTE_LENGTH + 1));
            assertThat(tooLong).hasStatus(400);
            assertThat(body(tooLong)).contains("text", "2001 characters", "at most 2000");
            assertThat(write(w.ada(), "x".repeat(RoomNotes.NOTE_LENGTH))).hasStatus(201);
            MvcTestResult empty = write(w.ada(), "   ");
            assertThat(empty).hasStatus(400);
            assertThat(body(empty)).contains("text", "is empty");
        }

        @Test
        void aThemeOfAnotherDebriefOrNoneAtAllIsNotFound() throws Exception {
            RoomWorld other = RoomWorld.retrospective(debriefs, people);
            long theirs = theme(other, "Their theme");
            phase(other, "discuss");
            String path = w.api() + "/themes/" + theirs + "/notes";
            assertThat(call(HttpMethod.POST, path, w.ada(), "{\"text\": \"Lost here\"}"))
                    .hasStatus(404);
            assertThat(call(HttpMethod.GET, path, w.ada(), "")).hasStatus(404);
            assertThat(call(
                            HttpMethod.POST,
                            w.api() + "/themes/" + Long.MAX_VALUE + "/notes",
                            w.ada(),
                            "{\"text\": \"x\"}"))
                    .hasStatus(404);
            // Nothing was written on it: its own debrief lists no note.
            MvcTestResult theirNotes =
                    call(HttpMethod.GET, other.api() + "/themes/" + theirs + "/notes", other.ada(), "");
            assertThat(theirNotes).hasStatusOk();
            assertThat(body(theirNotes)).isEqualTo("[]");
        }

        @Test
        void aMemberWhoWasNotInvitedAndAViewerAreRefused() throws Exception {
            long noteId = note(w.ada(), "Fridays are busy.");
            MvcTestResult stranger = write(w.outsider(), "Let me in.");
            assertThat(stranger).hasStatus(403);
            assertThat(body(stranger)).contains("invited");
            assertThat(call(HttpMethod.GET, notes(), w.outsider(), "")).hasStatus(403);
            assertThat(call(HttpMethod.DELETE, notes() + "/" + noteId, w.outsider(), ""))
                    .hasStatus(403);
            assertThat(write(w.viewer(), "Just looking.")).hasStatus(403);
            assertThat(texts(w.ada())).containsExactly("Fridays are busy.");
        }
    }

    @Nested
    @DisplayName("taking away")
    class TakingAway {

        @Test
        void theWriterTakesTheirOwnAwayAndASecondTryFindsItGone() throws Exception {
            long noteId = note(w.ada(), "A note to take back.");
            assertThat(call(HttpMethod.DELETE, notes() + "/" + noteId, w.ada(), ""))
                    .hasStatus(204);
            assertThat(texts(w.ben())).isEmpty();
            MvcTestResult again = call(HttpMethod.DELETE, notes() + "/" + noteId, w.ada(), "");
            assertThat(again).hasStatus(404);
            assertThat(body(again)).contains("no note " + noteId);
        }

        @Test
        void theFacilitatorTakesAwayAnyonesNote() throws Exception {
            long noteId = note(w.ben(), "Off topic.");
            assertThat(call(HttpMethod.DELETE, notes() + "/" + noteId, w.facilitator(), ""))
                    .hasStatus(204);
            assertThat(texts(w.ada())).isEmpty();
        }

        @Test
        void aMemberCannotTakeAwaySomeoneElsesNote() throws Exception {
            long noteId = note(w.ada(), "Ada's own words.");
            MvcTestResult refused = call(HttpMethod.DELETE, notes() + "/" + noteId, w.ben(), "");
            assertThat(refused).hasStatus(403);
            assertThat(body(refused)).contains("Only the writer of a note or the facilitator");
            assertThat(texts(w.ben())).containsExactly("Ada's own words.");
        }

        @Test
        void aNoteIsTakenAwayOnlyWhileNotesAreWrittenAndOnlyUnderItsOwnTheme() throws Exception {
            long noteId = note(w.ada(), "Kept for the summary.");
            assertThat(call(HttpMethod.DELETE, w.api() + "/themes/" + (theme + 1000) + "/notes/" + noteId, w.ada(), ""))
                    .hasStatus(404);
            phase(w, "vote");
            MvcTestResult voting = call(HttpMethod.DELETE, notes() + "/" + noteId, w.ada(), "");
            assertThat(voting).hasStatus(409);
            assertThat(body(voting)).contains("the room is in vote");
            assertThat(texts(w.ada())).containsExactly("Kept for the summary.");
        }
    }

    @Nested
    @DisplayName("the coach and anonymity")
    class CoachAndAnonymity {

        @Test
        void theCoachsNudgeOnANoteIsTheFacilitatorsAlone() throws Exception {
            note(w.ada(), BLAME);
            String facilitator = body(call(HttpMethod.GET, notes(), w.facilitator(), ""));
            assertThat((String) JsonPath.read(facilitator, "$[0].coachNote")).contains("should have");
            for (UserView other : List.of(w.ada(), w.ben(), w.viewer())) {
                String seen = body(call(HttpMethod.GET, notes(), other, ""));
                assertThat((Object) JsonPath.read(seen, "$[0].coachNote"))
                        .as(other.displayName())
                        .isNull();
            }
            String page = page(w.facilitator());
            assertThat(page).contains("class=\"note nudged\"", "Coach: ");
            assertThat(page(w.ben())).doesNotContain("note nudged").doesNotContain("Coach: ");
        }

        @Test
        void aNoteWrittenWhileTheRoomIsAnonymousNamesNobodyButTellsItsWriterItIsTheirs() throws Exception {
            assertThat(call(HttpMethod.PUT, w.api() + "/room", w.facilitator(), "{\"anonymous\": true}"))
                    .hasStatus(200);
            note(w.ada(), "Said without a name.");
            String ben = body(call(HttpMethod.GET, notes(), w.ben(), ""));
            assertThat((Object) JsonPath.read(ben, "$[0].author")).isNull();
            assertThat(ben).doesNotContain(w.ada().displayName());
            String ada = body(call(HttpMethod.GET, notes(), w.ada(), ""));
            assertThat((Boolean) JsonPath.read(ada, "$[0].mine")).isTrue();
            assertThat(page(w.ben()))
                    .contains("Said without a name.")
                    .doesNotContain("by " + w.ada().displayName());
            assertThat(page(w.ada())).contains("yours, anonymous");
        }
    }

    String page(UserView as) throws Exception {
        MvcTestResult room = mvc.get()
                .uri("/debriefs/" + w.id() + "/room")
                .with(user(KintsugiPrincipal.of(as)))
                .exchange();
        assertThat(room).hasStatusOk();
        return room.getResponse().getContentAsString();
    }

    MvcTestResult post(String path, UserView as, String... params) {
        var request = mvc.post()
                .uri(path)
                .with(user(KintsugiPrincipal.of(as)))
                .with(csrf())
                .header("HX-Request", "true");
        for (int n = 0; n + 1 < params.length; n += 2) {
            request = request.param(params[n], params[n + 1]);
        }
        return request.exchange();
    }

    @Nested
    @DisplayName("on the room's page")
    class OnThePage {

        @Test
        void aNoteAddedOnThePageShowsUnderItsThemeWithItsWriterAndTheCoachUnderTheBox() throws Exception {
            MvcTestResult added = post(
                    "/debriefs/" + w.id() + "/room/themes/" + theme + "/notes",
                    w.ada(),
                    "text",
                    "Fridays carry the week's backlog.");
            assertThat(added).hasStatusOk();
            String room = body(added);
            assertThat(room)
                    .contains("Fridays carry the week&#39;s backlog.", "by you")
                    .contains("id=\"note-text-" + theme + "\"", "id=\"coach-note-" + theme + "\"")
                    .contains("hx-include=\"#note-text-" + theme + "\"");
            assertThat(page(w.ben()))
                    .contains(
                            "Fridays carry the week&#39;s backlog.",
                            "by " + w.ada().displayName());
        }

        @Test
        void aRefusedNoteComesBackWithTheTypedTextUnderItsOwnThemeAndTheReason() throws Exception {
            String typed = "y".repeat(RoomNotes.NOTE_LENGTH + 5);
            MvcTestResult refused =
                    post("/debriefs/" + w.id() + "/room/themes/" + theme + "/notes", w.ada(), "text", typed);
            assertThat(refused).hasStatus(422);
            assertThat(body(refused))
                    .contains("id=\"note-" + theme + "-error\"", "at most 2000")
                    .contains(">" + typed + "</textarea>");
        }

        @Test
        void theWriterTakesTheirNoteAwayOnThePageAndATakenNoteIsSaidToBeGone() throws Exception {
            long noteId = note(w.ada(), "Gone soon.");
            assertThat(page(w.ada())).contains("Take away");
            assertThat(page(w.ben())).contains("Gone soon.").doesNotContain("Take away");
            assertThat(post("/debriefs/" + w.id() + "/room/notes/" + noteId + "/delete", w.ben()))
                    .hasStatus(403);
            MvcTestResult taken = post("/debriefs/" + w.id() + "/room/notes/" + noteId + "/delete", w.ada());
            assertThat(taken).hasStatusOk();
            assertThat(body(taken)).doesNotContain("Gone soon.");
            MvcTestResult again = post("/debriefs/" + w.id() + "/room/notes/" + noteId + "/delete", w.ada());
            assertThat(again).hasStatus(409);
            assertThat(body(again)).contains("no note " + noteId, "id=\"room\"");
        }
    }

    @Test
    void theSummaryCarriesEachThemesNotesUnderItWithTheirWriters() throws Exception {
        note(w.ada(), "Fridays carry the backlog.\nAnd the weekend is quiet.");
        phase(w, "closed");
        String summary = JsonPath.read(body(call(HttpMethod.GET, w.api() + "/summary", w.ben(), "")), "$.markdown");
        assertThat(summary)
                .contains("- **Releases on Fridays** (0 votes)\n  - Note by "
                        + w.ada().displayName() + ": Fridays carry the backlog.\n    And the weekend is quiet.\n");
    }
}
