package org.kintsugi.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kintsugi.knowledge.SearchFixtures.declare;
import static org.kintsugi.knowledge.SearchFixtures.word;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.incident.Severity;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The search API: what a hit carries, facets, every bad parameter named, and the index rebuilt on request. */
@KintsugiAppTest
class SearchApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    TestPeople people;

    MvcTestResult call(HttpMethod method, String uri, UserView as) {
        return mvc.method(method)
                .uri(uri)
                .with(httpBasic(as.email(), TestPeople.PASSWORD))
                .exchange();
    }

    String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    @Test
    void aViewerFindsAnIncidentWithItsFieldsAndFacets() throws Exception {
        UserView member = people.member();
        String tag = word();
        IncidentView incident = declare(
                incidents,
                member,
                tag + " payments declined",
                "Card payments failed.",
                IncidentKind.SYSTEM,
                Severity.SEV1,
                List.of("payments"),
                List.of("checkout"),
                Instant.now().minus(1, ChronoUnit.DAYS));
        UserView viewer = people.viewer();
        String json = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> body(call(HttpMethod.GET, "/api/v1/search?q=" + tag + "+payment&kind=system", viewer)),
                        b -> JsonPath.<Integer>read(b, "$.total") == 1);
        assertThat(JsonPath.<String>read(json, "$.hits[0].incidentKey")).isEqualTo(incident.key());
        assertThat(JsonPath.<String>read(json, "$.hits[0].title")).isEqualTo(incident.title());
        assertThat(JsonPath.<String>read(json, "$.hits[0].kind")).isEqualTo("system");
        assertThat(JsonPath.<String>read(json, "$.hits[0].severity")).isEqualTo("sev1");
        assertThat(JsonPath.<String>read(json, "$.hits[0].startedAt")).isNotBlank();
        assertThat(JsonPath.<Integer>read(json, "$.facets.service.payments")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(json, "$.facets.team.checkout")).isEqualTo(1);
    }

    @Test
    void eachBadParameterIsA400NamingIt() throws Exception {
        UserView viewer = people.viewer();
        String[][] cases = {
            {"q=" + "x".repeat(501), "q"},
            {"size=101", "size"},
            {"size=ten", "size"},
            {"page=0", "page"},
            {"page=101&size=100", "page"},
            {"kind=weather", "kind"},
            {"severity=sev9", "severity"},
            {"status=closed", "status"},
            {"from=yesterday", "from"},
            {"from=2025-02-01&to=2025-01-01", "to"},
            {"sort=oldest", "sort"}
        };
        for (String[] c : cases) {
            MvcTestResult result = call(HttpMethod.GET, "/api/v1/search?" + c[0], viewer);
            assertThat(result).as(c[0]).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(body(result)).as(c[0]).contains("\"" + c[1] + "\"");
        }
        assertThat(body(call(HttpMethod.GET, "/api/v1/search?page=101&size=100", viewer)))
                .contains("page depth limit");
    }

    @Test
    void anAdministratorRebuildsTheIndexAndWatchesItsProgress() throws Exception {
        UserView member = people.member();
        String tag = word();
        declare(
                incidents,
                member,
                tag + " rebuilt",
                "",
                IncidentKind.PROCESS,
                Severity.SEV3,
                List.of(),
                List.of(),
                Instant.now().minus(1, ChronoUnit.DAYS));
        UserView admin = people.add(org.kintsugi.identity.Role.ADMIN);
        assertThat(call(HttpMethod.POST, "/api/v1/search/reindex", member)).hasStatus(HttpStatus.FORBIDDEN);

        MvcTestResult started = call(HttpMethod.POST, "/api/v1/search/reindex", admin);
        assertThat(started.getResponse().getStatus()).isIn(202, 409);
        String done = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> body(call(HttpMethod.GET, "/api/v1/search/reindex", admin)),
                        b -> !JsonPath.<Boolean>read(b, "$.running"));
        assertThat(JsonPath.<Object>read(done, "$.failure")).isNull();
        assertThat(JsonPath.<Integer>read(done, "$.percent")).isEqualTo(100);
        assertThat(((Number) JsonPath.read(done, "$.done")).longValue())
                .isEqualTo(((Number) JsonPath.read(done, "$.total")).longValue())
                .isPositive();
        String found = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> body(call(HttpMethod.GET, "/api/v1/search?q=" + tag, member)),
                        b -> JsonPath.<Integer>read(b, "$.total") == 1);
        assertThat(found).contains(tag);
    }
}
