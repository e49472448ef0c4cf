package org.kintsugi.incident.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentSort;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@KintsugiAppTest
class IncidentApiTests {

    static final String OUTAGE = """
            {"title": "Checkout unavailable", "kind": "system", "severity": "SEV2",
             "impact": "EU customers could not pay", "peopleAffected": 1200,
             "services": ["checkout", "payments"], "teams": ["Platform"],
             "startedAt": "2026-11-20T11:00:00+01:00", "detectedAt": "2026-11-20T10:07:00Z",
             "acknowledgedAt": "2026-11-20T10:12:00Z", "mitigatedAt": "2026-11-20T10:40:00Z"}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    UserView member;

    @BeforeEach
    void addMember() {
        member = people.member();
    }

    MvcTestResult declare(String json) {
        return mvc.post()
                .uri("/api/v1/incidents")
                .with(httpBasic(member.email(), TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    String declaredKey() {
        var result = declare(OUTAGE);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return result.getResponse().getHeader(HttpHeaders.LOCATION).replace("/api/v1/incidents/", "");
    }

    @Nested
    @DisplayName("declaring")
    class Declaring {

        @Test
        void answersCreatedWithLocationEtagAndDurations() {
            var result = declare(OUTAGE);
            assertThat(result).hasStatus(HttpStatus.CREATED);
            assertThat(result).headers().hasValue(HttpHeaders.ETAG, "\"0\"");
            assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).matches("/api/v1/incidents/INC-\\d+");
            assertThat(result).bodyJson().extractingPath("$.key").asString().startsWith("INC-");
            assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("mitigated");
            assertThat(result).bodyJson().extractingPath("$.startedAt").isEqualTo("2026-11-20T10:00:00Z");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.durations.toDetect.seconds")
                    .isEqualTo(420);
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.durations.toMitigate.iso")
                    .isEqualTo("PT40M");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.durations.toResolve")
                    .isNull();
            assertThat(result).bodyJson().extractingPath("$.declaredBy").isEqualTo(member.displayName());
        }

        @Test
        void namesEveryBadFieldInAProblemDocument() {
            var result = declare("""
                    {"title": "", "kind": "outage", "severity": "SEV2", "impact": "x",
                     "startedAt": "2026-11-20T10:00:00Z", "detectedAt": "2026-11-20T09:00:00Z",
                     "resolvedAt": "yesterday"}""");
            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[*].field")
                    .asArray()
                    .containsExactlyInAnyOrder("kind", "resolvedAt");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[?(@.field == 'kind')].message")
                    .asArray()
                    .containsExactly("'outage' is not one of system, process, people, security, other");
            var valid = declare("""
                    {"title": "", "kind": "system", "severity": "SEV2", "impact": "x",
                     "startedAt": "2026-11-20T10:00:00Z", "detectedAt": "2026-11-20T09:00:00Z"}""");
            assertThat(valid)
                    .bodyJson()
                    .extractingPath("$.errors")
                    .asArray()
                    .extracting("field", "message")
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("title", "is required"),
                            org.assertj.core.groups.Tuple.tuple("detectedAt", "cannot be before the start"));
        }

        @Test
        void refusesViewersWithForbiddenProblem() {
            UserView viewer = people.viewer();
            var result = mvc.post()
                    .uri("/api/v1/incidents")
                    .with(httpBasic(viewer.email(), TestPeople.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(OUTAGE)
                    .exchange();
            assertThat(result)
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        void refusesStrangersWithUnauthenticatedProblem() {
            var result = mvc.get().uri("/api/v1/incidents").exchange();
            assertThat(result)
                    .hasStatus(HttpStatus.UNAUTHORIZED)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(401);
        }
    }

    @Nested
    @DisplayName("changing")
    class Changing {

        @Test
        void patchesWithMatchingEtagAndLogsTheChange() {
            String key = declaredKey();
            var result = mvc.patch()
                    .uri("/api/v1/incidents/{key}", key)
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .header(HttpHeaders.IF_MATCH, "\"0\"")
                    .contentType(MediaType.valueOf("application/merge-patch+json"))
                    .content("{\"severity\": \"SEV1\", \"summary\": \"Certificate expired\", \"teams\": null}")
                    .exchange();
            assertThat(result).hasStatusOk().headers().hasValue(HttpHeaders.ETAG, "\"1\"");
            assertThat(result).bodyJson().extractingPath("$.severity").isEqualTo("SEV1");
            assertThat(result).bodyJson().extractingPath("$.teams").asArray().isEmpty();
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.services")
                    .asArray()
                    .containsExactly("checkout", "payments");
            var log = mvc.get()
                    .uri("/api/v1/incidents/{key}/activity", key)
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .exchange();
            assertThat(log)
                    .bodyJson()
                    .extractingPath("$[?(@.field == 'severity')].oldValue")
                    .asArray()
                    .containsExactly("SEV2");
        }

        @Test
        void refusesStaleEtagAndKeepsTheSavedVersion() {
            String key = declaredKey();
            patch(key, "\"0\"", "{\"title\": \"First writer\"}");
            var stale = patch(key, "\"0\"", "{\"title\": \"Second writer\"}");
            assertThat(stale)
                    .hasStatus(HttpStatus.PRECONDITION_FAILED)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            var current = mvc.get()
                    .uri("/api/v1/incidents/{key}", key)
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .exchange();
            assertThat(current).bodyJson().extractingPath("$.title").isEqualTo("First writer");
            assertThat(current).headers().hasValue(HttpHeaders.ETAG, "\"1\"");
        }

        @Test
        void requiresIfMatch() {
            String key = declaredKey();
            var result = mvc.patch()
                    .uri("/api/v1/incidents/{key}", key)
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"title\": \"x\"}")
                    .exchange();
            assertThat(result).hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        }

        @Test
        void refusesReadOnlyFieldsByName() {
            String key = declaredKey();
            var result = patch(key, "\"0\"", "{\"status\": \"resolved\"}");
            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("status");
        }

        @Test
        void resolvesAtTheGivenMoment() {
            String key = declaredKey();
            var result = mvc.post()
                    .uri("/api/v1/incidents/{key}/resolve", key)
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"resolvedAt\": \"2026-11-20T12:30:00+01:00\"}")
                    .exchange();
            assertThat(result).hasStatusOk();
            assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("resolved");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.durations.toResolve.iso")
                    .isEqualTo("PT1H30M");
        }

        @Test
        void refusesResolutionBeforeTheStart() {
            String key = declaredKey();
            var result = mvc.post()
                    .uri("/api/v1/incidents/{key}/resolve", key)
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"resolvedAt\": \"2026-11-20T09:00:00Z\"}")
                    .exchange();
            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("resolvedAt");
        }

        private MvcTestResult patch(String key, String etag, String json) {
            return mvc.patch()
                    .uri("/api/v1/incidents/{key}", key)
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .header(HttpHeaders.IF_MATCH, etag)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json)
                    .exchange();
        }
    }

    @Nested
    @DisplayName("listing")
    class Listing {

        @Test
        void filtersBySeverityServiceAndTextWithPages() {
            String unique = "zebra-" + System.nanoTime();
            declare(OUTAGE.replace("Checkout unavailable", "Checkout " + unique + " one"));
            declare(OUTAGE.replace("Checkout unavailable", "Checkout " + unique + " two")
                    .replace("SEV2", "SEV4"));
            var result = mvc.get()
                    .uri("/api/v1/incidents?q={q}&severity=SEV2&service=CHECKOUT&size=1", unique)
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .exchange();
            assertThat(result).hasStatusOk();
            assertThat(result).bodyJson().extractingPath("$.totalItems").isEqualTo(1);
            assertThat(result).bodyJson().extractingPath("$.items[0].title").isEqualTo("Checkout " + unique + " one");
            var both = mvc.get()
                    .uri("/api/v1/incidents?q={q}&size=1&sort=oldest", unique)
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .exchange();
            assertThat(both).bodyJson().extractingPath("$.totalItems").isEqualTo(2);
            assertThat(both).bodyJson().extractingPath("$.totalPages").isEqualTo(2);
        }

        @Test
        void aCursorAfterThePageBeforeReadsTheSamePageAsItsNumber() throws Exception {
            String unique = "cursor-" + System.nanoTime();
            for (String n : List.of("one", "two", "three")) {
                // The same start moment for all three: the id decides their order, with a cursor as without.
                declare(OUTAGE.replace("Checkout unavailable", "Checkout " + unique + " " + n));
            }
            List<String> byNumber = new ArrayList<>();
            List<String> byCursor = new ArrayList<>();
            String after = "";
            for (int page = 0; page < 3; page++) {
                byNumber.add(title(mvc.get()
                        .uri("/api/v1/incidents?q={q}&size=1&page={page}", unique, page)
                        .with(httpBasic(member.email(), TestPeople.PASSWORD))
                        .exchange()));
                var result = mvc.get()
                        .uri("/api/v1/incidents?q={q}&size=1&page={page}&after={after}", unique, page, after)
                        .with(httpBasic(member.email(), TestPeople.PASSWORD))
                        .exchange();
                assertThat(result).bodyJson().extractingPath("$.totalItems").isEqualTo(3);
                byCursor.add(title(result));
                String key = JsonPath.read(result.getResponse().getContentAsString(), "$.items[0].key");
                after = IncidentSort.NEWEST.cursorAfter(incidents.find(key));
            }
            assertThat(byNumber)
                    .containsExactly(
                            "Checkout " + unique + " three",
                            "Checkout " + unique + " two",
                            "Checkout " + unique + " one");
            assertThat(byCursor).isEqualTo(byNumber);
        }

        private String title(MvcTestResult result) {
            try {
                return JsonPath.read(result.getResponse().getContentAsString(), "$.items[0].title");
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Test
        void namesABadFilter() {
            var result = mvc.get()
                    .uri("/api/v1/incidents?severity=SEV9&from=last-week")
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .exchange();
            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[*].field")
                    .asArray()
                    .containsExactlyInAnyOrder("severity", "from");
        }

        @Test
        void answersNotFoundForUnknownKey() {
            var result = mvc.get()
                    .uri("/api/v1/incidents/INC-999999")
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .exchange();
            assertThat(result)
                    .hasStatus(HttpStatus.NOT_FOUND)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void documentsTheApi() {
        var result = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyJson()
                .extractingPath("$.paths['/api/v1/incidents/{key}/resolve']")
                .isNotNull();
    }

    @Test
    void reportsHealth() {
        assertThat(mvc.get().uri("/actuator/health").exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
    }
}
