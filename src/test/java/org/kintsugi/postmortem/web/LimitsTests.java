package org.kintsugi.postmortem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** What one postmortem may hold and one request may carry: each limit is a setting, named when it is hit. */
@KintsugiAppTest
@TestPropertySource(
        properties = {
            "kintsugi.limits.timeline-events=5",
            "kintsugi.limits.timeline-page=3",
            "kintsugi.limits.transcript-lines=10",
            "kintsugi.limits.transcript-size=600",
            "kintsugi.limits.section-length=2000",
            "kintsugi.limits.account-entries=3",
            "kintsugi.limits.action-items=2",
            "kintsugi.limits.factors=2",
            "kintsugi.limits.request-body=64KB",
            "kintsugi.limits.pdf-size=20000",
            "kintsugi.limits.coach-text=2000",
            "kintsugi.limits.coach-sentences=3"
        })
class LimitsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    UserView member;
    long pm;

    @BeforeEach
    void start() {
        member = people.member();
        String key = incidents
                .declare(
                        new IncidentDetails(
                                "Payments queue backlog",
                                "",
                                IncidentKind.SYSTEM,
                                Severity.SEV2,
                                "Payments waited an hour.",
                                null,
                                List.of("payments"),
                                List.of("Payments"),
                                Instant.parse("2026-11-19T08:00:00Z"),
                                null,
                                null,
                                null,
                                Instant.parse("2026-11-19T10:00:00Z")),
                        member.displayName())
                .key();
        PostmortemView p = postmortems.start(key, null, new Author(member.id(), member.displayName()));
        pm = p.id();
    }

    MvcTestResult call(HttpMethod method, String uri, @Nullable String json) {
        var request = mvc.method(method).uri(uri).with(httpBasic(member.email(), TestPeople.PASSWORD));
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return request.exchange();
    }

    MvcTestResult event(int minute) {
        return call(
                HttpMethod.POST,
                "/api/v1/postmortems/" + pm + "/timeline",
                "{\"at\": \"2026-11-19T08:" + String.format("%02d", minute)
                        + ":00Z\", \"kind\": \"observation\", \"description\": \"Queue depth rose\"}");
    }

    static String transcript(int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append(String.format("08:%02d alice: queue at %d\\n", i % 60, i));
        }
        return "{\"text\": \"" + text + "\", \"date\": \"2026-11-19\", \"zone\": \"UTC\"}";
    }

    static void namesTheLimit(MvcTestResult result, HttpStatus status, String setting, String field) {
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.limit").isEqualTo("kintsugi.limits." + setting);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("kintsugi.limits." + setting);
    }

    @Nested
    @DisplayName("the timeline")
    class Timeline {

        @Test
        void refusesAnEventPastTheLimitNamingIt() {
            for (int i = 0; i < 5; i++) {
                assertThat(event(i)).hasStatus(HttpStatus.CREATED);
            }
            namesTheLimit(event(6), HttpStatus.BAD_REQUEST, "timeline-events", "timeline");
        }

        @Test
        void refusesATranscriptWithMoreLinesThanAllowed() {
            MvcTestResult result =
                    call(HttpMethod.POST, "/api/v1/postmortems/" + pm + "/timeline/import", transcript(11));
            namesTheLimit(result, HttpStatus.CONTENT_TOO_LARGE, "transcript-lines", "text");
            assertThat(result).bodyJson().extractingPath("$.max").isEqualTo(10);
        }

        @Test
        void refusesATranscriptLongerThanAllowedEvenAsAPreview() {
            String json = "{\"text\": \"08:00 alice: " + "x".repeat(700)
                    + "\", \"date\": \"2026-11-19\", \"zone\": \"UTC\", \"preview\": true}";
            MvcTestResult result = call(HttpMethod.POST, "/api/v1/postmortems/" + pm + "/timeline/import", json);
            namesTheLimit(result, HttpStatus.CONTENT_TOO_LARGE, "transcript-size", "text");
        }

        @Test
        void refusesATranscriptThatWouldOverfillTheTimelineAndSavesNothingOfIt() throws Exception {
            assertThat(event(1)).hasStatus(HttpStatus.CREATED);
            MvcTestResult result =
                    call(HttpMethod.POST, "/api/v1/postmortems/" + pm + "/timeline/import", transcript(5));
            namesTheLimit(result, HttpStatus.BAD_REQUEST, "timeline-events", "text");
            String timeline = call(HttpMethod.GET, "/api/v1/postmortems/" + pm + "/timeline", null)
                    .getResponse()
                    .getContentAsString();
            assertThat((List<?>) JsonPath.read(timeline, "$.events[?(@.source == 'alice')]"))
                    .isEmpty();
        }

        @Test
        void theEvidencePickerOnALongTimelineOffersKeyMomentsFirstAndNoMoreThanAPage() throws Exception {
            for (int i = 0; i < 4; i++) {
                assertThat(event(10 + i)).hasStatus(HttpStatus.CREATED);
            }
            MvcTestResult key = call(
                    HttpMethod.POST,
                    "/api/v1/postmortems/" + pm + "/timeline",
                    "{\"at\": \"2026-11-19T09:00:00Z\", \"kind\": \"action\", \"description\": \"Failed over\","
                            + " \"starred\": true}");
            Number keyId = JsonPath.read(key.getResponse().getContentAsString(), "$.id");
            String html = mvc.get()
                    .uri("/postmortems/" + pm)
                    .with(user(KintsugiPrincipal.of(member)))
                    .exchange()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            List<String> offered = org.jsoup.Jsoup.parse(html)
                    .select("#why-panel input[name=timelineEvents]")
                    .eachAttr("value");
            assertThat(offered).hasSize(3).contains(String.valueOf(keyId));
        }

        @Test
        void thePageShowsALongTimelineAPageAtATime() throws Exception {
            for (int i = 0; i < 5; i++) {
                assertThat(event(10 + i)).hasStatus(HttpStatus.CREATED);
            }
            // Five events and the incident's start and resolution: seven moments, three to a page.
            KintsugiPrincipal me = KintsugiPrincipal.of(member);
            String first = mvc.get()
                    .uri("/postmortems/" + pm)
                    .with(user(me))
                    .exchange()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(first).contains("Showing 1–3 of 7 moments (page 1 of 3)").contains("events=2#timeline");
            assertThat(org.jsoup.Jsoup.parse(first).select("ol.vertical-timeline > li"))
                    .hasSize(3);
            String last = mvc.get()
                    .uri("/postmortems/" + pm + "?events=3")
                    .with(user(me))
                    .exchange()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(org.jsoup.Jsoup.parse(last).select("ol.vertical-timeline > li"))
                    .hasSize(1);
            assertThat(last).contains("Showing 7–7 of 7 moments").contains("Resolved");
        }
    }

    @Nested
    @DisplayName("sections")
    class Sections {

        @Test
        void refusesASectionLongerThanTheSettingNamingIt() {
            MvcTestResult result = mvc.put()
                    .uri("/api/v1/postmortems/" + pm + "/sections/summary")
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .header("If-Match", "\"0\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"body\": \"" + "a".repeat(2001) + "\"}")
                    .exchange();
            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("body");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .asString()
                    .contains("2,001")
                    .contains("kintsugi.limits.section-length");
        }
    }

    @Nested
    @DisplayName("action items and factors")
    class ActionsAndFactors {

        @Test
        void refusesAnActionItemPastTheLimitAndSavesNothingOfIt() throws Exception {
            String due = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                    .plusDays(14)
                    .toString();
            String item = "{\"title\": \"Stage pushes %d\", \"ownerId\": " + member.id() + ", \"dueDate\": \"" + due
                    + "\", \"priority\": \"P2\", \"type\": \"prevent\", \"verification\": \"One region at a time\"}";
            String uri = "/api/v1/postmortems/" + pm + "/actions";
            assertThat(call(HttpMethod.POST, uri, item.formatted(1))).hasStatus(HttpStatus.CREATED);
            assertThat(call(HttpMethod.POST, uri, item.formatted(2))).hasStatus(HttpStatus.CREATED);
            namesTheLimit(
                    call(HttpMethod.POST, uri, item.formatted(3)), HttpStatus.BAD_REQUEST, "action-items", "title");
            String list = call(HttpMethod.GET, uri, null).getResponse().getContentAsString();
            assertThat(list).doesNotContain("Stage pushes 3");
        }

        @Test
        void refusesAFactorWrittenPastTheLimit() {
            String factor = "{\"statement\": \"Pushes reached every region at once %d\", \"category\": \"Change\"}";
            String uri = "/api/v1/postmortems/" + pm + "/factors";
            assertThat(call(HttpMethod.POST, uri, factor.formatted(1))).hasStatus(HttpStatus.CREATED);
            assertThat(call(HttpMethod.POST, uri, factor.formatted(2))).hasStatus(HttpStatus.CREATED);
            namesTheLimit(
                    call(HttpMethod.POST, uri, factor.formatted(3)), HttpStatus.BAD_REQUEST, "factors", "statement");
        }
    }

    @Nested
    @DisplayName("personal accounts")
    class Accounts {

        static String entry(int minute) {
            return "{\"at\": \"2026-11-19T08:" + String.format("%02d", minute)
                    + ":00Z\", \"kind\": \"observed\", \"text\": \"The queue grew\"}";
        }

        @Test
        void refusesAnAccountWithMoreEntriesThanAllowed() {
            String json = "{\"narrative\": \"What I saw.\", \"entries\": [" + entry(1) + "," + entry(2) + "," + entry(3)
                    + "," + entry(4) + "]}";
            namesTheLimit(
                    call(HttpMethod.POST, "/api/v1/postmortems/" + pm + "/accounts", json),
                    HttpStatus.BAD_REQUEST,
                    "account-entries",
                    "entries");
        }

        @Test
        void refusesAnEntryPastTheLimit() throws Exception {
            String json = "{\"narrative\": \"What I saw.\", \"entries\": [" + entry(1) + "," + entry(2) + "," + entry(3)
                    + "]}";
            MvcTestResult created = call(HttpMethod.POST, "/api/v1/postmortems/" + pm + "/accounts", json);
            assertThat(created).hasStatus(HttpStatus.CREATED);
            Number id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
            namesTheLimit(
                    call(HttpMethod.POST, "/api/v1/postmortems/" + pm + "/accounts/" + id + "/entries", entry(4)),
                    HttpStatus.BAD_REQUEST,
                    "account-entries",
                    "entries");
        }
    }

    @Nested
    @DisplayName("requests")
    class Requests {

        @Test
        void aBodyOverTheLimitIs413NamingIt() {
            String json = "{\"text\": \"" + "The deploy went out. ".repeat(4000) + "\"}";
            namesTheLimit(
                    call(HttpMethod.POST, "/api/v1/language/review", json),
                    HttpStatus.CONTENT_TOO_LARGE,
                    "request-body",
                    "body");
        }

        @Test
        void deeplyNestedJsonIs400() {
            String deep = "[".repeat(100) + "]".repeat(100);
            long start = System.nanoTime();
            MvcTestResult result = call(
                    HttpMethod.POST,
                    "/api/v1/postmortems/" + pm + "/timeline",
                    "{\"at\": \"2026-11-19T08:00:00Z\", \"description\": \"Queue\", \"extra\": " + deep + "}");
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.println("Deep JSON (100 levels) answered in " + ms + " ms");
            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        }
    }

    @Nested
    @DisplayName("exports")
    class Exports {

        @Test
        void aPdfTooBigToDrawIsRefusedNamingTheLimitWhileMarkdownStillWorks() {
            var sections = postmortems.find(pm).sections();
            for (var s : sections) {
                postmortems.write(pm, s.key(), s.version(), "Lag grew. ".repeat(190), member.displayName());
            }
            namesTheLimit(
                    call(HttpMethod.GET, "/api/v1/postmortems/" + pm + "/export?format=pdf", null),
                    HttpStatus.CONTENT_TOO_LARGE,
                    "pdf-size",
                    "format");
            assertThat(call(HttpMethod.GET, "/api/v1/postmortems/" + pm + "/export?format=markdown", null))
                    .hasStatusOk();
        }
    }

    @Nested
    @DisplayName("the language coach")
    class Coach {

        static String json(String text) {
            return "{\"text\": \"" + text + "\"}";
        }

        MvcTestResult typed(String text) {
            return mvc.post()
                    .uri("/language/highlight?field=description&id=coach-event")
                    .with(user(KintsugiPrincipal.of(member)))
                    .with(csrf())
                    .header("HX-Request", "true")
                    .param("description", text)
                    .exchange();
        }

        @Test
        void aTextOverTheCharacterLimitIs400NamingItInTheApiAndBesideTheBox() throws Exception {
            String quiet = "The queue grew. ".repeat(125);
            assertThat(quiet).hasSize(2000);
            assertThat(call(HttpMethod.POST, "/api/v1/language/review", json(quiet)))
                    .hasStatusOk();
            namesTheLimit(
                    call(HttpMethod.POST, "/api/v1/language/review", json(quiet + "x")),
                    HttpStatus.BAD_REQUEST,
                    "coach-text",
                    "text");
            MvcTestResult panel = typed(quiet + "x");
            assertThat(panel).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(panel.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("over 2,000 characters")
                    .contains("kintsugi.limits.coach-text = 2,000");
        }

        @Test
        void moreSentencesToWeighThanTheLimitIs400NamingItBeforeAnyIsEmbedded() throws Exception {
            String three = "She restarted the pod. He paged the database team. They rolled the deploy back. ";
            assertThat(call(HttpMethod.POST, "/api/v1/language/review", json(three + "The queue drained.")))
                    .hasStatusOk();
            MvcTestResult refused =
                    call(HttpMethod.POST, "/api/v1/language/review", json(three + "She closed the incident."));
            namesTheLimit(refused, HttpStatus.BAD_REQUEST, "coach-sentences", "text");
            assertThat(refused).bodyJson().extractingPath("$.max").isEqualTo(3);
            assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("has 4 sentences");
            MvcTestResult panel = typed(three + "She closed the incident.");
            assertThat(panel).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(panel.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("kintsugi.limits.coach-sentences = 3");
        }
    }
}
