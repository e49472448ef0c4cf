package org.kintsugi.debrief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.UserView;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Who may change a debrief (its owner, its facilitator, administrators; not another member, not a viewer), what bad
 * input is told, and how concurrent edits end: one wins, the other is told 409/412, never a 500.
 */
@KintsugiAppTest
class DebriefAccessTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    UserView owner;
    UserView facilitator;
    UserView other;
    UserView viewer;
    String date;

    @BeforeEach
    void people() {
        owner = people.member();
        facilitator = people.member();
        other = people.member();
        viewer = people.viewer();
        date = LocalDate.now().plusDays(30).toString();
    }

    String json(String title, String time) {
        return """
                {"title": "%s", "date": "%s", "time": "%s", "zone": "Europe/Berlin", "durationMinutes": 60,
                 "meetingLink": "https://meet.example.org/retro", "facilitatorId": %d}""".formatted(title, date, time, facilitator.id());
    }

    MvcTestResult call(String method, String uri, UserView as, String body, String ifMatch) {
        var request = mvc.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(uri)
                .with(httpBasic(as.email(), TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.exchange();
    }

    long retrospective() throws Exception {
        MvcTestResult made = call("POST", "/api/v1/debriefs", owner, json("Q4 retrospective", "09:30"), null);
        assertThat(made).hasStatus(201);
        String body = made.getResponse().getContentAsString();
        assertThat((String) JsonPath.read(body, "$.kind")).isEqualTo("RETROSPECTIVE");
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    long version(long id) throws Exception {
        String body = call("GET", "/api/v1/debriefs/" + id, owner, "", null)
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.version")).longValue();
    }

    @Nested
    @DisplayName("who may change a debrief")
    class Access {

        @Test
        void theOwnerTheFacilitatorAndAnAdministratorMayChangeIt() throws Exception {
            long id = retrospective();
            assertThat(call(
                            "PUT",
                            "/api/v1/debriefs/" + id,
                            owner,
                            json("By the owner", "10:00"),
                            "\"" + version(id) + "\""))
                    .hasStatus(200);
            assertThat(call(
                            "PUT",
                            "/api/v1/debriefs/" + id,
                            facilitator,
                            json("By the facilitator", "10:30"),
                            "\"" + version(id) + "\""))
                    .hasStatus(200);
            UserView admin = people.add(org.kintsugi.identity.Role.ADMIN);
            assertThat(call(
                            "PUT",
                            "/api/v1/debriefs/" + id,
                            admin,
                            json("By an administrator", "11:00"),
                            "\"" + version(id) + "\""))
                    .hasStatus(200);
            assertThat(call(
                            "POST",
                            "/api/v1/debriefs/" + id + "/invitees",
                            facilitator,
                            "{\"invitees\": [{\"personId\": " + other.id() + ", \"role\": \"optional\"}]}",
                            null))
                    .hasStatus(200);
        }

        @Test
        void anotherMemberAndAViewerMayReadButNotChangeIt() throws Exception {
            long id = retrospective();
            String tag = "\"" + version(id) + "\"";
            for (UserView caller : List.of(other, viewer)) {
                assertThat(call("GET", "/api/v1/debriefs/" + id, caller, "", null))
                        .hasStatus(200);
                assertThat(call("PUT", "/api/v1/debriefs/" + id, caller, json("Taken over", "12:00"), tag))
                        .hasStatus(403);
                assertThat(call("POST", "/api/v1/debriefs/" + id + "/cancel", caller, "", null))
                        .hasStatus(403);
                assertThat(call(
                                "POST",
                                "/api/v1/debriefs/" + id + "/invitees",
                                caller,
                                "{\"invitees\": [{\"email\": \"someone@example.org\"}]}",
                                null))
                        .hasStatus(403);
            }
            assertThat(call("POST", "/api/v1/debriefs", viewer, json("A viewer's", "09:30"), null))
                    .hasStatus(403);
            String after = call("GET", "/api/v1/debriefs/" + id, owner, "", null)
                    .getResponse()
                    .getContentAsString();
            assertThat((String) JsonPath.read(after, "$.title")).isEqualTo("Q4 retrospective");
            assertThat((String) JsonPath.read(after, "$.state")).isEqualTo("SCHEDULED");
        }

        @Test
        void theDebriefPageOffersEditingOnlyToThoseWhoMay() throws Exception {
            long id = retrospective();
            for (UserView caller : List.of(owner, facilitator, other, viewer)) {
                String page = mvc.get()
                        .uri("/debriefs/" + id)
                        .with(
                                org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(
                                        org.kintsugi.identity.KintsugiPrincipal.of(caller)))
                        .exchange()
                        .getResponse()
                        .getContentAsString();
                assertThat(page).contains("The room opens at the start time");
                assertThat(page.contains("Edit the schedule"))
                        .as(caller.displayName())
                        .isEqualTo(caller == owner || caller == facilitator);
            }
            assertThat(mvc.get()
                            .uri("/debriefs/" + id + "/edit")
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.user(
                                    org.kintsugi.identity.KintsugiPrincipal.of(other)))
                            .exchange())
                    .hasStatus(403);
        }
    }

    @Nested
    @DisplayName("bad input is refused with the field named")
    class BadInput {

        @Test
        void everyWrongFieldIsNamed() throws Exception {
            MvcTestResult refused = call("POST", "/api/v1/debriefs", owner, """
                    {"title": "", "date": "tomorrow", "time": "25:00", "zone": "Europe/Atlantis", "durationMinutes": 0,
                     "meetingLink": "javascript:alert(1)", "facilitatorId": null}""", null);
            assertThat(refused).hasStatus(400);
            List<String> fields = JsonPath.read(refused.getResponse().getContentAsString(), "$.errors[*].field");
            assertThat(fields)
                    .containsExactly(
                            "title", "date", "time", "zone", "durationMinutes", "meetingLink", "facilitatorId");
        }

        @Test
        void aStartInThePastAndAnUnknownFacilitatorAreRefused() throws Exception {
            String past = """
                    {"title": "Late", "date": "2020-01-01", "time": "09:00", "zone": "UTC", "durationMinutes": 60,
                     "meetingLink": "https://meet.example.org/x", "facilitatorId": 999999999}""";
            MvcTestResult refused = call("POST", "/api/v1/debriefs", owner, past, null);
            assertThat(refused).hasStatus(400);
            List<String> fields = JsonPath.read(refused.getResponse().getContentAsString(), "$.errors[*].field");
            assertThat(fields).containsExactly("date", "facilitatorId");
        }

        @Test
        void inviteesAreBoundedAndEachAddressChecked() throws Exception {
            long id = retrospective();
            String many = IntStream.range(0, DebriefManagement.MAX_INVITEES + 1)
                    .mapToObj(n -> "{\"email\": \"p" + n + "@example.org\"}")
                    .reduce((a, b) -> a + "," + b)
                    .orElseThrow();
            MvcTestResult tooMany =
                    call("POST", "/api/v1/debriefs/" + id + "/invitees", owner, "{\"invitees\": [" + many + "]}", null);
            assertThat(tooMany).hasStatus(400);
            assertThat(tooMany.getResponse().getContentAsString())
                    .contains("\"field\":\"invitees\"", "at most " + DebriefManagement.MAX_INVITEES);
            MvcTestResult bad = call(
                    "POST",
                    "/api/v1/debriefs/" + id + "/invitees",
                    owner,
                    "{\"invitees\": [{\"email\": \"ok@example.org\"}, {\"email\": \"not an address\"}]}",
                    null);
            assertThat(bad).hasStatus(400);
            assertThat(bad.getResponse().getContentAsString()).contains("\"field\":\"invitees[1].email\"");
            String after = call("GET", "/api/v1/debriefs/" + id + "/invitees", owner, "", null)
                    .getResponse()
                    .getContentAsString();
            assertThat(after).doesNotContain("ok@example.org");
        }
    }

    @Nested
    @DisplayName("concurrent edits")
    class Concurrency {

        @Test
        void anEditOfAnOlderVersionIsRefusedWith412AndWithoutIfMatchWith428() throws Exception {
            long id = retrospective();
            String tag = "\"" + version(id) + "\"";
            assertThat(call("PUT", "/api/v1/debriefs/" + id, owner, json("First", "10:00"), tag))
                    .hasStatus(200);
            MvcTestResult second = call("PUT", "/api/v1/debriefs/" + id, facilitator, json("Second", "11:00"), tag);
            assertThat(second).hasStatus(412);
            assertThat(call("PUT", "/api/v1/debriefs/" + id, owner, json("Third", "11:00"), null))
                    .hasStatus(428);
            String after = call("GET", "/api/v1/debriefs/" + id, owner, "", null)
                    .getResponse()
                    .getContentAsString();
            assertThat((String) JsonPath.read(after, "$.title")).isEqualTo("First");
        }

        @Test
        void theEditFormOfAnOlderVersionComesBackWithTheEditKeptAndNothingOverwritten() throws Exception {
            long id = retrospective();
            long seen = version(id);
            assertThat(call(
                            "PUT",
                            "/api/v1/debriefs/" + id,
                            facilitator,
                            json("Moved by the facilitator", "15:00"),
                            "\"" + seen + "\""))
                    .hasStatus(200);
            MvcTestResult stale = mvc.post()
                    .uri("/debriefs/" + id)
                    .with(
                            org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                    .user(org.kintsugi.identity.KintsugiPrincipal.of(owner)))
                    .with(
                            org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                    .csrf())
                    .param("title", "Moved by the owner")
                    .param("date", date)
                    .param("time", "16:00")
                    .param("zone", "Europe/Berlin")
                    .param("durationMinutes", "45")
                    .param("meetingLink", "https://meet.example.org/retro")
                    .param("facilitatorId", String.valueOf(facilitator.id()))
                    .param("version", String.valueOf(seen))
                    .exchange();
            assertThat(stale).hasStatus(409);
            assertThat(stale.getResponse().getContentAsString())
                    .contains("Someone changed this debrief while you were editing it", "Moved by the owner");
            String after = call("GET", "/api/v1/debriefs/" + id, owner, "", null)
                    .getResponse()
                    .getContentAsString();
            assertThat((String) JsonPath.read(after, "$.title")).isEqualTo("Moved by the facilitator");
        }

        @Test
        void twoEditsOfTheSameVersionAtOnceLeaveOneWinnerAndNo500() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 4; round++) {
                    long id = retrospective();
                    String tag = "\"" + version(id) + "\"";
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<Integer>> calls = new ArrayList<>();
                    for (UserView editor : List.of(owner, facilitator)) {
                        calls.add(pool.submit(() -> {
                            start.await();
                            return call(
                                            "PUT",
                                            "/api/v1/debriefs/" + id,
                                            editor,
                                            json("By " + editor.displayName(), "13:00"),
                                            tag)
                                    .getResponse()
                                    .getStatus();
                        }));
                    }
                    start.countDown();
                    List<Integer> statuses = new ArrayList<>();
                    for (Future<Integer> f : calls) {
                        statuses.add(f.get());
                    }
                    Collections.sort(statuses);
                    assertThat(statuses).as("round " + round).isIn(List.of(200, 409), List.of(200, 412));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
