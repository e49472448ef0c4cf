package org.kintsugi.debrief.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserView;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The room through its API: only the facilitator moves it, cards stay their authors' own until reflecting ends and
 * anonymous ones never name their author, vote limits hold under a burst of clicks, and everything is in the database.
 */
@KintsugiAppTest
@org.springframework.test.context.event.RecordApplicationEvents
class DebriefRoomTests {

    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    DebriefManagement debriefs;

    @Autowired
    JdbcClient jdbc;

    RoomWorld w;

    @BeforeEach
    void world() {
        w = RoomWorld.retrospective(debriefs, people);
    }

    MvcTestResult call(HttpMethod method, String path, UserView as, String body) {
        return mvc.method(method)
                .uri(w.api() + path)
                .with(httpBasic(as.email(), TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    void phase(String phase) {
        assertThat(call(HttpMethod.POST, "/phase", w.facilitator(), "{\"phase\": \"" + phase + "\"}"))
                .hasStatus(200);
    }

    long card(UserView as, String column, String text) throws Exception {
        MvcTestResult made =
                call(HttpMethod.POST, "/cards", as, "{\"column\": \"" + column + "\", \"text\": \"" + text + "\"}");
        assertThat(made).hasStatus(201);
        List<Integer> ids = JsonPath.read(body(made), "$.cards[?(@.text == '" + text + "')].id");
        return ids.getFirst();
    }

    long theme(String title) throws Exception {
        MvcTestResult made = call(HttpMethod.POST, "/themes", w.ada(), "{\"title\": \"" + title + "\"}");
        assertThat(made).hasStatus(201);
        List<Integer> ids = JsonPath.read(body(made), "$.themes[?(@.title == '" + title + "')].id");
        return ids.getFirst();
    }

    @Nested
    @DisplayName("facilitation")
    class Facilitation {

        @Test
        void onlyTheFacilitatorOrAnAdministratorMovesThePhase() throws Exception {
            for (UserView caller : List.of(w.ada(), w.viewer(), w.outsider())) {
                assertThat(call(HttpMethod.POST, "/phase", caller, "{\"phase\": \"check-in\"}"))
                        .as(caller.displayName())
                        .hasStatus(403);
            }
            assertThat((String) JsonPath.read(body(call(HttpMethod.GET, "", w.ada(), "")), "$.state"))
                    .isEqualTo("SCHEDULED");
            phase("check-in");
            assertThat((String) JsonPath.read(body(call(HttpMethod.GET, "", w.ada(), "")), "$.state"))
                    .isEqualTo("OPEN");
            UserView admin = people.add(Role.ADMIN);
            assertThat(call(HttpMethod.POST, "/phase", admin, "{\"phase\": \"reflect\"}"))
                    .hasStatus(200);
            assertThat(call(HttpMethod.POST, "/phase", w.ben(), "{\"phase\": \"group\"}"))
                    .hasStatus(403);
            assertThat(call(
                            HttpMethod.POST,
                            "/facilitator",
                            w.ada(),
                            "{\"personId\": " + w.ada().id() + "}"))
                    .hasStatus(403);
            String room = body(call(HttpMethod.GET, "/room", w.ben(), ""));
            assertThat((String) JsonPath.read(room, "$.phase")).isEqualTo("reflect");
        }

        @Test
        void theFacilitatorAndAnAdministratorOpeningTheRoomAtOnceGetTheRoomOrA409NeverA500() throws Exception {
            UserView admin = people.add(Role.ADMIN);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MvcTestResult>> clicks = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                UserView who = n % 2 == 0 ? w.facilitator() : admin;
                clicks.add(pool.submit(() -> {
                    start.await();
                    return call(HttpMethod.POST, "/phase", who, "{\"phase\": \"check-in\"}");
                }));
            }
            start.countDown();
            int opened = 0;
            for (Future<MvcTestResult> click : clicks) {
                MvcTestResult result = click.get(60, TimeUnit.SECONDS);
                int status = result.getResponse().getStatus();
                assertThat(status).as(body(result)).isIn(200, 409);
                if (status == 200) {
                    opened++;
                }
            }
            pool.shutdown();
            assertThat(opened).isPositive();
            assertThat(jdbc.sql("select count(*) from debrief_rooms where debrief_id = ?")
                            .param(w.id())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat((String) JsonPath.read(body(call(HttpMethod.GET, "/room", w.ada(), "")), "$.phase"))
                    .isEqualTo("check-in");
        }

        @Test
        void aRetrospectiveHasNoTimelineAndAnUnknownPhaseIsNamed() throws Exception {
            MvcTestResult refused = call(HttpMethod.POST, "/phase", w.facilitator(), "{\"phase\": \"timeline\"}");
            assertThat(refused).hasStatus(400);
            assertThat(body(refused)).contains("\"field\":\"phase\"", "check-in, reflect, group");
            assertThat(call(HttpMethod.POST, "/phase", w.facilitator(), "{\"phase\": \"reflect\", \"minutes\": 999}"))
                    .hasStatus(400);
        }

        @Test
        void closingClosesTheDebriefAndNothingMovesAfter() throws Exception {
            phase("check-in");
            phase("closed");
            assertThat((String) JsonPath.read(body(call(HttpMethod.GET, "", w.ada(), "")), "$.state"))
                    .isEqualTo("CLOSED");
            assertThat(call(HttpMethod.POST, "/phase", w.facilitator(), "{\"phase\": \"reflect\"}"))
                    .hasStatus(409);
        }

        @Test
        void handOverNeedsSomeonePresent() throws Exception {
            phase("check-in");
            MvcTestResult refused = call(
                    HttpMethod.POST,
                    "/facilitator",
                    w.facilitator(),
                    "{\"personId\": " + w.ada().id() + "}");
            assertThat(refused).hasStatus(400);
            assertThat(body(refused)).contains("\"field\":\"personId\"", "not in the room now");
        }
    }

    @Nested
    @DisplayName("cards")
    class Cards {

        @Test
        void cardsStayTheirAuthorsOwnUntilReflectingEnds() throws Exception {
            phase("reflect");
            card(w.ada(), "stop", "Deploying on Fridays without a rollback plan");
            for (UserView other : List.of(w.ben(), w.facilitator(), w.viewer())) {
                String room = body(call(HttpMethod.GET, "/room", other, ""));
                assertThat(room).as(other.displayName()).doesNotContain("Deploying on Fridays");
                assertThat((Integer) JsonPath.read(room, "$.othersWriting")).isEqualTo(1);
            }
            phase("group");
            assertThat(body(call(HttpMethod.GET, "/cards", w.ben(), ""))).contains("Deploying on Fridays");
        }

        @Test
        void anAnonymousCardNeverNamesItsAuthorNotEvenToTheFacilitator() throws Exception {
            phase("check-in");
            assertThat(call(HttpMethod.PUT, "/room", w.facilitator(), "{\"anonymous\": true}"))
                    .hasStatus(200);
            phase("reflect");
            card(w.ada(), "keep", "Pairing on the incident bridge");
            String own = body(call(HttpMethod.GET, "/cards", w.ada(), ""));
            assertThat((List<Boolean>) JsonPath.read(own, "$[*].mine")).containsExactly(true);
            phase("group");
            UserView admin = people.add(Role.ADMIN);
            for (UserView reader : List.of(w.ben(), w.facilitator(), admin)) {
                String cards = body(call(HttpMethod.GET, "/cards", reader, ""));
                assertThat(cards).contains("Pairing on the incident bridge");
                assertThat((List<Object>) JsonPath.read(cards, "$[*].author")).containsExactly((Object) null);
                assertThat(cards).doesNotContain(w.ada().displayName(), w.ada().email());
                String page = mvc.get()
                        .uri("/debriefs/" + w.id() + "/room")
                        .with(user(KintsugiPrincipal.of(reader)))
                        .exchange()
                        .getResponse()
                        .getContentAsString();
                assertThat(page)
                        .contains("Pairing on the incident bridge")
                        .doesNotContain("by " + w.ada().displayName());
            }
            // Switching anonymity off later does not reveal the cards written under it.
            assertThat(call(HttpMethod.PUT, "/room", w.facilitator(), "{\"anonymous\": false}"))
                    .hasStatus(200);
            assertThat(body(call(HttpMethod.GET, "/cards", w.ben(), "")))
                    .doesNotContain(w.ada().displayName());
        }

        @Test
        void onlyItsAuthorChangesOrTakesBackACard() throws Exception {
            phase("reflect");
            long card = card(w.ada(), "start", "Writing runbooks");
            assertThat(call(
                            HttpMethod.PUT,
                            "/cards/" + card,
                            w.ben(),
                            "{\"column\": \"start\", \"text\": \"Mine now\"}"))
                    .hasStatus(403);
            assertThat(call(HttpMethod.DELETE, "/cards/" + card, w.facilitator(), ""))
                    .hasStatus(403);
            assertThat(call(
                            HttpMethod.PUT,
                            "/cards/" + card,
                            w.ada(),
                            "{\"column\": \"keep\", \"text\": \"Runbooks\"}"))
                    .hasStatus(200);
            assertThat(call(HttpMethod.DELETE, "/cards/" + card, w.ada(), "")).hasStatus(200);
            assertThat(call(HttpMethod.POST, "/cards", w.viewer(), "{\"column\": \"start\", \"text\": \"x\"}"))
                    .hasStatus(403);
            assertThat(call(HttpMethod.POST, "/cards", w.outsider(), "{\"column\": \"start\", \"text\": \"x\"}"))
                    .hasStatus(403);
        }

        @Test
        void badCardsAreRefusedNamingTheField() throws Exception {
            assertThat(call(HttpMethod.POST, "/cards", w.ada(), "{\"column\": \"start\", \"text\": \"early\"}"))
                    .hasStatus(409);
            phase("reflect");
            MvcTestResult column = call(HttpMethod.POST, "/cards", w.ada(), "{\"column\": \"lucky\", \"text\": \"x\"}");
            assertThat(column).hasStatus(400);
            assertThat(body(column)).contains("\"field\":\"column\"", "start, stop, keep, metrics");
            MvcTestResult tooLong = call(
                    HttpMethod.POST,
                    "/cards",
                    w.ada(),
                    "{\"column\": \"start\", \"text\": \"" + "x".repeat(501) + "\"}");
            assertThat(tooLong).hasStatus(400);
            assertThat(body(tooLong)).contains("\"field\":\"text\"", "at most 500");
        }
    }

    @Nested
    @DisplayName("votes")
    class Votes {

        @Test
        void twentyConcurrentVotesOfOnePersonWithFiveToGiveAcceptExactlyFive() throws Exception {
            phase("check-in");
            assertThat(call(HttpMethod.PUT, "/room", w.facilitator(), "{\"votesPerPerson\": 5, \"votesPerTheme\": 5}"))
                    .hasStatus(200);
            phase("reflect");
            card(w.ada(), "stop", "Manual failover");
            phase("group");
            long theme = theme("Failover");
            phase("vote");
            ExecutorService pool = Executors.newFixedThreadPool(20);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MvcTestResult>> clicks = new ArrayList<>();
            for (int n = 0; n < 20; n++) {
                clicks.add(pool.submit(() -> {
                    start.await();
                    return call(HttpMethod.POST, "/themes/" + theme + "/votes", w.ben(), "");
                }));
            }
            start.countDown();
            int accepted = 0;
            int refused = 0;
            for (Future<MvcTestResult> click : clicks) {
                MvcTestResult result = click.get(60, TimeUnit.SECONDS);
                int status = result.getResponse().getStatus();
                if (status == 200) {
                    accepted++;
                } else {
                    assertThat(status).isEqualTo(409);
                    assertThat(body(result)).contains("votes per person = 5");
                    refused++;
                }
            }
            pool.shutdown();
            assertThat(accepted).isEqualTo(5);
            assertThat(refused).isEqualTo(15);
            String room = body(call(HttpMethod.GET, "/room", w.ada(), ""));
            assertThat((Integer) JsonPath.read(room, "$.themes[0].votes")).isEqualTo(5);
        }

        @Test
        void oneThemeTakesAtMostThreeOfAPersonsVotesAndEveryoneSeesWhoHasVotesLeft() throws Exception {
            phase("reflect");
            card(w.ada(), "stop", "Paging everyone at once");
            phase("group");
            long theme = theme("Paging");
            phase("vote");
            for (int n = 0; n < 3; n++) {
                assertThat(call(HttpMethod.POST, "/themes/" + theme + "/votes", w.ben(), ""))
                        .hasStatus(200);
            }
            MvcTestResult fourth = call(HttpMethod.POST, "/themes/" + theme + "/votes", w.ben(), "");
            assertThat(fourth).hasStatus(409);
            assertThat(body(fourth)).contains("votes per theme = 3");
            String room = body(call(HttpMethod.GET, "/room", w.ada(), ""));
            assertThat((List<Integer>) JsonPath.read(
                            room, "$.participants[?(@.personId == " + w.ben().id() + ")].votesLeft"))
                    .containsExactly(2);
            assertThat((List<Integer>) JsonPath.read(room, "$.themes[*].votes")).containsExactly(3);
            assertThat(call(HttpMethod.DELETE, "/themes/" + theme + "/votes", w.ben(), ""))
                    .hasStatus(200);
            assertThat(call(HttpMethod.POST, "/themes/" + theme + "/votes", w.outsider(), ""))
                    .hasStatus(403);
        }
    }

    @Test
    void theSummaryIsWrittenFromWhatWasDecidedEditedByTheFacilitatorAndShared() throws Exception {
        phase("reflect");
        card(w.ada(), "stop", "Deploying at five on Fridays");
        phase("group");
        long theme = theme("Release timing");
        phase("vote");
        assertThat(call(HttpMethod.POST, "/themes/" + theme + "/votes", w.ben(), ""))
                .hasStatus(200);
        assertThat(call(HttpMethod.GET, "/summary", w.ada(), "")).hasStatus(409);
        phase("closed");
        String written = JsonPath.read(body(call(HttpMethod.GET, "/summary", w.ada(), "")), "$.markdown");
        assertThat(written)
                .contains("# Sprint retrospective", "**Release timing** (1 vote)", "Deploying at five on Fridays")
                .contains(w.ben().displayName());
        assertThat(call(HttpMethod.PUT, "/summary", w.ada(), "{\"markdown\": \"Mine\"}"))
                .hasStatus(403);
        assertThat(call(HttpMethod.PUT, "/summary", w.facilitator(), "{\"markdown\": \"# Edited\"}"))
                .hasStatus(200);
        assertThat((String) JsonPath.read(body(call(HttpMethod.GET, "/summary", w.ben(), "")), "$.markdown"))
                .isEqualTo("# Edited");
        MvcTestResult badAudience =
                call(HttpMethod.POST, "/summary/share", w.facilitator(), "{\"audience\": \"everyone\"}");
        assertThat(badAudience).hasStatus(400);
        assertThat(body(badAudience)).contains("\"field\":\"audience\"");
        events.clear();
        assertThat(call(HttpMethod.POST, "/summary/share", w.facilitator(), "{\"audience\": \"participants\"}"))
                .hasStatus(202);
        assertThat(events.stream(org.kintsugi.debrief.DebriefSummaryShared.class))
                .singleElement()
                .satisfies(shared -> {
                    assertThat(shared.debriefId()).isEqualTo(w.id());
                    assertThat(shared.summaryMarkdown()).isEqualTo("# Edited");
                    assertThat(shared.audience()).isEqualTo("participants");
                    assertThat(shared.participantEmails())
                            .contains(w.ada().email(), w.ben().email());
                });
    }

    @Test
    void everythingTheRoomHoldsIsInTheDatabase() throws Exception {
        phase("reflect");
        card(w.ada(), "keep", "Blameless tone in the channel");
        phase("group");
        long theme = theme("Tone");
        phase("vote");
        assertThat(call(HttpMethod.POST, "/themes/" + theme + "/votes", w.ben(), ""))
                .hasStatus(200);
        // What a node that just started reads: the rows, with no cache or registry of this node in between.
        assertThat(jdbc.sql("select phase from debrief_rooms where debrief_id = ?")
                        .param(w.id())
                        .query(String.class)
                        .single())
                .isEqualTo("VOTE");
        assertThat(jdbc.sql("select text from debrief_cards where debrief_id = ?")
                        .param(w.id())
                        .query(String.class)
                        .list())
                .containsExactly("Blameless tone in the channel");
        assertThat(jdbc.sql("select count(*) from debrief_votes where theme_id = ?")
                        .param(theme)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select votes_used from debrief_participants where debrief_id = ? and person_id = ?")
                        .params(w.id(), w.ben().id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }
}
