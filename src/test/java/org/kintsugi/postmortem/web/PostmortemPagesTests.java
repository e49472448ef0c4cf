package org.kintsugi.postmortem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.Role;
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
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.yaml.snakeyaml.Yaml;

@KintsugiAppTest
class PostmortemPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    UserView member;

    @BeforeEach
    void addMember() {
        member = people.member();
    }

    KintsugiPrincipal me() {
        return KintsugiPrincipal.of(member);
    }

    String incident(Instant resolvedAt) {
        return incidents
                .declare(
                        new IncidentDetails(
                                "Search index rebuild stalled",
                                "",
                                IncidentKind.SYSTEM,
                                Severity.SEV3,
                                "Search returned stale results for two hours.",
                                null,
                                List.of("search"),
                                List.of("Discovery"),
                                resolvedAt == null || resolvedAt.isAfter(Instant.parse("2026-11-19T08:00:00Z"))
                                        ? Instant.parse("2026-11-19T08:00:00Z")
                                        : resolvedAt.minusSeconds(7200),
                                null,
                                null,
                                null,
                                resolvedAt),
                        member.displayName())
                .key();
    }

    PostmortemView started(String key) {
        return postmortems.start(key, null, new Author(member.id(), member.displayName()));
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("the postmortem page")
    class Page {

        @Test
        void theLivePreviewIsAnHtmxFragmentWithoutScripts() throws Exception {
            PostmortemView p = started(incident(Instant.parse("2026-11-19T10:00:00Z")));
            var result = mvc.post()
                    .uri("/postmortems/" + p.id() + "/sections/summary/preview")
                    .header("HX-Request", "true")
                    .with(user(me()))
                    .with(csrf())
                    .param("body", "**Stalled** <script>alert(1)</script> <a href=\"javascript:alert(2)\">x</a>")
                    .exchange();
            assertThat(result).hasStatusOk();
            assertThat(body(result))
                    .contains("<strong>Stalled</strong>")
                    .doesNotContain("<script", "javascript:", "<html");
        }

        @Test
        void aStaleSaveKeepsBothTextsOnScreen() throws Exception {
            PostmortemView p = started(incident(Instant.parse("2026-11-19T10:00:00Z")));
            postmortems.write(p.id(), "what-happened", 0, "Their text, saved first.", "Someone else");
            var result = mvc.post()
                    .uri("/postmortems/" + p.id() + "/sections/what-happened")
                    .with(user(me()))
                    .with(csrf())
                    .param("version", "0")
                    .param("body", "My text, typed at the same time.")
                    .exchange();
            assertThat(result).hasStatus(HttpStatus.CONFLICT);
            String html = body(result);
            assertThat(html)
                    .contains("Someone else saved this section while you were writing")
                    .contains("Their text, saved first.")
                    .contains("My text, typed at the same time.")
                    .contains("name=\"version\" value=\"1\"");
            assertThat(postmortems.find(p.id()).sections().getFirst().body()).isEqualTo("Their text, saved first.");
        }

        @Test
        void theIncidentPageLinksToItsPostmortemAndItLinksBack() throws Exception {
            String key = incident(Instant.parse("2026-11-19T10:00:00Z"));
            var before = mvc.get().uri("/incidents/" + key).with(user(me())).exchange();
            assertThat(body(before)).contains("Start postmortem").contains("5 working days after resolution");
            PostmortemView p = started(key);
            var after = mvc.get().uri("/incidents/" + key).with(user(me())).exchange();
            assertThat(body(after))
                    .contains("href=\"/postmortems/" + p.id() + "\"")
                    .doesNotContain("Start postmortem");
            var page = mvc.get().uri("/postmortems/" + p.id()).with(user(me())).exchange();
            assertThat(body(page)).contains("href=\"/incidents/" + key + "\"");
        }

        @Test
        void aTranscriptPreviewIsAFragmentListingUnreadableLines() throws Exception {
            PostmortemView p = started(incident(Instant.parse("2026-11-19T10:00:00Z")));
            var result = mvc.post()
                    .uri("/postmortems/" + p.id() + "/timeline/preview")
                    .header("HX-Request", "true")
                    .with(user(me()))
                    .with(csrf())
                    .param("text", "coffee first\n09:01 dana: rebuild stalled at 40%")
                    .param("date", "2026-11-19")
                    .param("zone", "UTC")
                    .exchange();
            assertThat(result).hasStatusOk();
            assertThat(body(result))
                    .doesNotContain("<html")
                    .contains("1 event(s) read")
                    .contains("Line 1:")
                    .contains("Add 1 event(s) to the timeline");
            assertThat(postmortems.find(p.id()).status().code()).isEqualTo("draft");
        }

        @Test
        void theListAnswersHtmxWithTheResultsAlone() throws Exception {
            started(incident(Instant.parse("2026-11-19T10:00:00Z")));
            var result = mvc.get()
                    .uri("/postmortems?severity=SEV3&team=discovery")
                    .header("HX-Request", "true")
                    .with(user(me()))
                    .exchange();
            assertThat(body(result))
                    .contains("id=\"postmortem-results\"")
                    .contains("Search index rebuild stalled")
                    .doesNotContain("<html");
        }
    }

    @Nested
    @DisplayName("due dates")
    class DueDates {

        @Test
        void resolvingTheIncidentAfterTheStartSetsTheDueDate() {
            String key = incident(null);
            PostmortemView p = started(key);
            assertThat(p.dueAt()).isNull();
            incidents.resolve(key, null, Instant.parse("2026-11-20T15:00:00Z"), member.displayName());
            // Friday 15:00 plus five working days.
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(postmortems.find(p.id()).dueAt())
                            .isEqualTo(Instant.parse("2026-11-27T15:00:00Z")));
        }

        @Test
        void aChangedPolicyShowsOnTheIncidentPageAtOnce() throws Exception {
            String key = incident(Instant.parse("2026-11-19T10:00:00Z"));
            assertThat(body(mvc.get().uri("/incidents/" + key).with(user(me())).exchange()))
                    .contains("5 working days after resolution");
            UserView admin = people.add(Role.ADMIN);
            String change = "{\"duePolicies\": [{\"severity\": \"SEV3\", \"rule\": \"hours\", \"amount\": %d}]}";
            try {
                mvc.put()
                        .uri("/api/v1/postmortem-policy")
                        .with(httpBasic(admin.email(), TestPeople.PASSWORD))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(change.formatted(48))
                        .exchange();
                assertThat(body(mvc.get()
                                .uri("/incidents/" + key)
                                .with(user(me()))
                                .exchange()))
                        .contains("48 hours after resolution")
                        .contains("2026-11-21 10:00 UTC");
            } finally {
                mvc.put()
                        .uri("/api/v1/postmortem-policy")
                        .with(httpBasic(admin.email(), TestPeople.PASSWORD))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(change.replace("\"hours\"", "\"working_days\"").formatted(5))
                        .exchange();
            }
        }

        @Test
        void overduePostmortemsAreListedAsOverdue() throws Exception {
            PostmortemView p = started(incident(Instant.parse("2026-11-02T10:00:00Z")));
            var result = mvc.get()
                    .uri("/api/v1/postmortems?due=overdue&team=Discovery")
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .exchange();
            List<Integer> ids = JsonPath.read(body(result), "$.items[*].id");
            assertThat(ids).contains((int) p.id());
            assertThat((List<Boolean>) JsonPath.read(body(result), "$.items[*].overdue"))
                    .containsOnly(true);
        }
    }

    @Nested
    @DisplayName("export")
    class Export {

        @Test
        void markdownStartsWithFrontMatterAndCarriesTheTimelineTable() throws Exception {
            String key = incident(Instant.parse("2026-11-19T10:00:00Z"));
            PostmortemView p = started(key);
            postmortems.write(p.id(), "what-happened", 0, "The rebuild **stalled**.", member.displayName());
            var result = mvc.get()
                    .uri("/api/v1/postmortems/" + p.id() + "/export?format=markdown")
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .exchange();
            assertThat(result).hasStatusOk();
            assertThat(result.getResponse().getHeader("Content-Disposition")).contains(key + "-postmortem.md");
            String markdown = body(result);
            String front = markdown.substring(4, markdown.indexOf("\n---\n"));
            Map<String, Object> yaml = new Yaml().load(front);
            assertThat(yaml)
                    .containsEntry("incident", key)
                    .containsEntry("severity", "SEV3")
                    .containsEntry("status", "draft")
                    .containsEntry("startedAt", "2026-11-19T08:00:00Z")
                    .containsEntry("teams", List.of("Discovery"));
            assertThat(markdown).contains("## What happened\n\nThe rebuild **stalled**.");
            assertThat(markdown).contains("| 2026-11-19 08:00 | Other | ★ The incident started | incident |");
        }

        @Test
        void thePdfCarriesTheTextTheTimelineTableAndLettersBeyondLatin() throws Exception {
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    java.nio.file.Files.isReadable(
                            java.nio.file.Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")),
                    "Letters beyond Latin need DejaVu Sans: apt-get install fonts-dejavu-core");
            PostmortemView p = started(incident(Instant.parse("2026-11-19T10:00:00Z")));
            postmortems.write(
                    p.id(), "what-happened", 0, "Η αναζήτηση σταμάτησε. Поиск остановился.", member.displayName());
            var pdf = mvc.get()
                    .uri("/api/v1/postmortems/" + p.id() + "/export?format=pdf")
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .exchange();
            assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
            try (var document =
                    org.apache.pdfbox.Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                assertThat(text)
                        .contains("Search index rebuild stalled")
                        .contains("Η αναζήτηση σταμάτησε. Поиск остановился.")
                        .contains("Time (UTC)")
                        .contains("The incident started");
            }
        }

        @Test
        void htmlIsAStandalonePageWithoutScriptsAndAnUnknownFormatIsRefused() throws Exception {
            PostmortemView p = started(incident(Instant.parse("2026-11-19T10:00:00Z")));
            postmortems.write(p.id(), "what-happened", 0, "<script>alert(1)</script>Stalled.", member.displayName());
            var html = mvc.get()
                    .uri("/api/v1/postmortems/" + p.id() + "/export?format=html")
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .exchange();
            assertThat(body(html))
                    .startsWith("<!DOCTYPE html>")
                    .contains("<style>")
                    .contains("Stalled.")
                    .doesNotContain("<script", "/assets/");
            var bad = mvc.get()
                    .uri("/api/v1/postmortems/" + p.id() + "/export?format=docx")
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .exchange();
            assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(bad).bodyJson().extractingPath("$.errors[0].field").isEqualTo("format");
        }
    }

    @Nested
    @DisplayName("template administration")
    class Templates {

        @Test
        void onlyAdminsReachIt() {
            assertThat(mvc.get().uri("/admin/templates").with(user(me())).exchange())
                    .hasStatus(HttpStatus.FORBIDDEN);
        }

        @Test
        void anAdminCreatesATemplateFromTheFormAndBadRowsAreMarked() throws Exception {
            KintsugiPrincipal admin = KintsugiPrincipal.of(people.add(Role.ADMIN));
            var bad = mvc.post()
                    .uri("/admin/templates")
                    .with(user(admin))
                    .with(csrf())
                    .param("name", "Launch review")
                    .param("sections[0].heading", "Goal")
                    .param("sections[0].position", "1")
                    .param("sections[1].heading", "goal")
                    .param("sections[1].position", "2")
                    .exchange();
            assertThat(bad).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(body(bad))
                    .contains("another section already has the key")
                    .contains("value=\"Launch review\"");
            var good = mvc.post()
                    .uri("/admin/templates")
                    .with(user(admin))
                    .with(csrf())
                    .param("name", "Launch review")
                    .param("sections[0].heading", "What we shipped")
                    .param("sections[0].position", "2")
                    .param("sections[1].heading", "Goal")
                    .param("sections[1].position", "1")
                    .param("sections[1].required", "true")
                    .param("sections[2].heading", "")
                    .param("sections[2].position", "3")
                    .exchange();
            assertThat(good).hasStatus(HttpStatus.FOUND);
            var list = mvc.get().uri("/admin/templates").with(user(admin)).exchange();
            assertThat(body(list)).contains("Launch review").contains("Goal · What we shipped");
        }
    }
}
