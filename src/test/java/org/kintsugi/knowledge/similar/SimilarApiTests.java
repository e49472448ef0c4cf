package org.kintsugi.knowledge.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentFixtures;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * "Another one of those" through the API and the pages: a look-alike incident comes first with the words it shares,
 * the incident itself never, only names and reasons are returned, and every bad parameter is a 400 naming it.
 */
@KintsugiAppTest
class SimilarApiTests {

    private static final Random RANDOM = new Random();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    TestPeople people;

    @Test
    void aLookAlikeComesFirstWithTheWordsItSharesAndNeverTheIncidentItself() throws Exception {
        UserView member = people.member();
        String tag = word();
        IncidentView old = declare(
                member,
                tag + " certificate expired on the edge load balancer",
                "The TLS certificate of the edge load balancer expired; renewal had silently failed for weeks.");
        declare(member, word() + " hiring handover", "A new starter had no laptop for a week.");
        IncidentView fresh = declare(
                member,
                tag + " edge certificate expiry took the load balancer down",
                "Clients saw TLS errors: the load balancer certificate expired after a failed renewal.");
        String json = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> body(get("/api/v1/incidents/" + fresh.key() + "/similar?limit=3", people.viewer())),
                        b -> b.contains(old.key()));
        List<Map<String, Object>> found = JsonPath.read(json, "$");
        assertThat(found.getFirst().get("incidentKey")).isEqualTo(old.key());
        assertThat(found.getFirst().keySet())
                .containsExactlyInAnyOrder("incidentKey", "postmortemId", "title", "score", "reasons");
        assertThat(found).extracting(f -> f.get("incidentKey")).doesNotContain(fresh.key());
        assertThat(JsonPath.<List<String>>read(json, "$[0].reasons").toString())
                .contains("Both mention")
                .contains("certificate")
                .contains("Both look like: a certificate or credential that expired");
        assertThat(json).doesNotContain("renewal had silently failed");
        assertThat(JsonPath.<Double>read(json, "$[0].score")).isBetween(0.0, 1.0);
    }

    @Test
    void anIncidentStillBeingDeclaredFindsItsLookAlike() throws Exception {
        UserView member = people.member();
        String tag = word();
        IncidentView old = declare(
                member,
                tag + " replication lag stalled the orders database",
                "Replica lag grew for an hour and order reads were stale.");
        String request = "{\"title\": \"" + tag + " orders database replication lag again\", \"summary\": \"\"}";
        String json = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> body(mvc.post()
                                .uri("/api/v1/similar?limit=5&method=hybrid")
                                .with(httpBasic(member.email(), TestPeople.PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(request)
                                .exchange()),
                        b -> b.contains(old.key()));
        assertThat(JsonPath.<String>read(json, "$[0].incidentKey")).isEqualTo(old.key());
        // Every method answers on its own too.
        for (String method : List.of("lexical", "semantic")) {
            MvcTestResult result = mvc.post()
                    .uri("/api/v1/similar?method=" + method)
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(request)
                    .exchange();
            assertThat(result).as(method).hasStatus(HttpStatus.OK);
            assertThat(body(result)).as(method).contains(old.key());
        }
        // Failure mechanism alone ranks every incident so far by what failed, not by words: it answers, but the
        // look-alike need not be among its five.
        assertThat(mvc.post()
                        .uri("/api/v1/similar?method=mechanism")
                        .with(httpBasic(member.email(), TestPeople.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(request)
                        .exchange())
                .hasStatus(HttpStatus.OK);
    }

    @Test
    void eachBadParameterIsA400NamingIt() throws Exception {
        UserView member = people.member();
        IncidentView incident = declare(member, word() + " any incident", "Something happened.");
        String[][] cases = {
            {"limit=0", "limit"}, {"limit=21", "limit"}, {"limit=five", "limit"}, {"method=magic", "method"}
        };
        for (String[] c : cases) {
            MvcTestResult result = get("/api/v1/incidents/" + incident.key() + "/similar?" + c[0], member);
            assertThat(result).as(c[0]).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(body(result)).as(c[0]).contains("\"" + c[1] + "\"");
        }
        MvcTestResult tooLong = mvc.post()
                .uri("/api/v1/similar")
                .with(httpBasic(member.email(), TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"" + "x".repeat(201) + "\"}")
                .exchange();
        assertThat(tooLong).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(tooLong)).contains("\"title\"").contains("200");
        assertThat(get("/api/v1/incidents/INC-999999/similar", member)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/postmortems/999999/similar", member)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void thePagesShowSuggestionsWithWhatWasTriedThen() throws Exception {
        UserView member = people.member();
        String tag = word();
        IncidentView old =
                declare(member, tag + " queue consumers fell behind", "The billing queue backed up for two hours.");
        IncidentView fresh =
                declare(member, tag + " billing queue backed up again", "Consumers fell behind on the queue.");
        KintsugiPrincipal me = KintsugiPrincipal.of(member);
        String panel = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> body(mvc.get()
                                .uri("/incidents/" + fresh.key() + "/similar")
                                .with(user(me))
                                .exchange()),
                        b -> b.contains(old.key()));
        assertThat(panel).contains("/incidents/" + old.key()).contains("Both mention");
        String declaring = body(mvc.post()
                .uri("/incidents/similar")
                .with(user(me))
                .with(csrf())
                .param("title", tag + " queue consumers behind")
                .param("summary", "")
                .exchange());
        assertThat(declaring).contains(old.key());
        String form = body(mvc.get().uri("/incidents/new").with(user(me)).exchange());
        assertThat(form).contains("Seen this before?").contains("hx-post=\"/incidents/similar\"");
        String page =
                body(mvc.get().uri("/incidents/" + fresh.key()).with(user(me)).exchange());
        assertThat(page).contains("Another one of those?").contains("/incidents/" + fresh.key() + "/similar");
    }

    MvcTestResult get(String uri, UserView as) {
        return mvc.method(HttpMethod.GET)
                .uri(uri)
                .with(httpBasic(as.email(), TestPeople.PASSWORD))
                .exchange();
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString().toLowerCase(Locale.ROOT);
    }

    IncidentView declare(UserView by, String title, String summary) {
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        return incidents.declare(
                IncidentFixtures.sev2(
                        title, summary, "Customers were affected.", start, start.plus(1, ChronoUnit.HOURS)),
                by.displayName());
    }
}
