package org.kintsugi.knowledge.archive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.Author;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The archive import through the API: upload, follow it to the end, read the report; limits and who sees what. */
@KintsugiAppTest
class ArchiveImportApiTests {

    static final String JOBS = "/api/v1/postmortems/import-jobs";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    ImportJobs jobs;

    MvcTestResult upload(UserView who, MockMultipartFile... files) {
        var request = mvc.post().uri(JOBS).multipart();
        for (MockMultipartFile file : files) {
            request = request.file(file);
        }
        return request.with(httpBasic(who.email(), TestPeople.PASSWORD)).exchange();
    }

    static MockMultipartFile zipPart(String name, Map<String, byte[]> entries) {
        return new MockMultipartFile("files", name, "application/zip", Archives.zip(entries));
    }

    MvcTestResult get(String uri, UserView who) {
        return mvc.get()
                .uri(uri)
                .with(httpBasic(who.email(), TestPeople.PASSWORD))
                .exchange();
    }

    /** Follow the job until it is done, as a client polling it would; return its last answer. */
    String finished(String location, UserView who) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            String json = get(location, who).getResponse().getContentAsString();
            if ("done".equals(JsonPath.read(json, "$.state"))) {
                return json;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import at " + location + " did not finish within 60 s");
    }

    @Test
    void aZipIsStoredAnswered202ImportedInTheBackgroundAndReportedFileByFile() throws Exception {
        UserView member = people.member();
        Map<String, byte[]> entries = new LinkedHashMap<>(Archives.corpus());
        entries.put(
                "old/latin1.md",
                "# Panne réseau\n\nLe lien était coupé.".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        entries.put("old/empty.md", new byte[0]);
        entries.put("old/diagram.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        MvcTestResult accepted = upload(member, zipPart("postmortems-2017-2025.zip", entries));

        assertThat(accepted).hasStatus(HttpStatus.ACCEPTED);
        String location = accepted.getResponse().getHeader("Location");
        assertThat(location).matches(JOBS + "/\\d+");
        String started = accepted.getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(started, "$.total")).isEqualTo(9);
        assertThat((Integer) JsonPath.read(started, "$.skipped")).isEqualTo(1);

        String report = finished(location, member);
        assertThat((Integer) JsonPath.read(report, "$.done")).isEqualTo(7);
        assertThat((Integer) JsonPath.read(report, "$.failed")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(report, "$.left")).isZero();
        List<Map<String, Object>> files = JsonPath.read(report, "$.files");
        assertThat(files).hasSize(10);
        Map<String, Object> node = file(files, "dfds/pm2023-001-total-node-failure.md");
        assertThat(node).containsEntry("state", "imported").containsEntry("error", null);
        String postmortem = get("/api/v1/postmortems/" + node.get("postmortemId"), member)
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(postmortem, "$.incidentKey")).isEqualTo(node.get("incidentKey"));
        assertThat((String) JsonPath.read(postmortem, "$.owner.name")).isEqualTo(member.displayName());
        assertThat(file(files, "old/latin1.md"))
                .containsEntry("state", "failed")
                .containsEntry("postmortemId", null)
                .satisfies(f -> assertThat((String) f.get("error")).startsWith("The file is not UTF-8 text"));
        assertThat(file(files, "old/empty.md").get("error"))
                .isEqualTo("The file is empty: there is nothing to import.");
        assertThat(file(files, "old/diagram.png")).containsEntry("state", "skipped");
    }

    @Test
    void manyMarkdownFilesAreOneImportAndADocumentTheImporterRefusesFailsWithTheReason() throws Exception {
        UserView member = people.member();
        String tooManyEvents = "# Endless\n\n## Timeline\n\n" + "- 2026-11-01 10:00 UTC it went on\n".repeat(5001);
        MvcTestResult accepted = upload(
                member,
                new MockMultipartFile("files", "a.md", "text/markdown", "# Alpha outage\n\nIt broke.".getBytes(UTF_8)),
                new MockMultipartFile("files", "b.markdown", "text/markdown", "# Beta outage\n".getBytes(UTF_8)),
                new MockMultipartFile("files", "endless.md", "text/markdown", tooManyEvents.getBytes(UTF_8)));
        assertThat(accepted).hasStatus(HttpStatus.ACCEPTED);

        String report = finished(accepted.getResponse().getHeader("Location"), member);

        List<Map<String, Object>> files = JsonPath.read(report, "$.files");
        assertThat(files).extracting(f -> f.get("name")).containsExactly("a.md", "b.markdown", "endless.md");
        assertThat(file(files, "a.md")).containsEntry("state", "imported");
        assertThat((String) file(files, "endless.md").get("error"))
                .isEqualTo("The document's timeline has 5,001 events, more than one postmortem holds"
                        + " (kintsugi.limits.timeline-events = 5,000).");
    }

    @Nested
    @DisplayName("limits")
    class Limits {

        @Test
        void aZipBombIsRefused413NamingTheLimitAndNothingIsStored() throws Exception {
            UserView member = people.member();
            MvcTestResult refused = upload(member, zipPart("bomb.zip", Map.of("bomb.md", new byte[20_000_000])));

            assertThat(refused).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
            assertThat(refused).bodyJson().extractingPath("$.limit").isEqualTo("kintsugi.limits.archive-file-size");
            assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("files");
            assertThat(get(JOBS, member))
                    .bodyJson()
                    .extractingPath("$")
                    .asArray()
                    .isEmpty();
        }

        @Test
        void namesOutsideTheArchiveAndNestedArchivesAreRefused400() {
            UserView member = people.member();
            MvcTestResult climbing = upload(member, zipPart("a.zip", Map.of("../../evil.md", "# x".getBytes(UTF_8))));
            assertThat(climbing).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(climbing).bodyJson().extractingPath("$.errors[0].field").isEqualTo("files");
            assertThat(climbing)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .asString()
                    .contains("points outside the archive");

            MvcTestResult nested =
                    upload(member, zipPart("a.zip", Map.of("inner.zip", Archives.zip(Map.of("a.md", new byte[1])))));
            assertThat(nested).hasStatus(HttpStatus.BAD_REQUEST);
        }

        @Test
        void aRequestWithoutFilesIsRefused400NamingTheField() {
            UserView member = people.member();
            MvcTestResult empty = mvc.post()
                    .uri(JOBS)
                    .multipart()
                    .param("note", "nothing")
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .exchange();
            assertThat(empty).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(empty).bodyJson().extractingPath("$.errors[0].field").isEqualTo("files");
        }

        @Test
        void aPersonWithThreeImportsUnfinishedIsAskedToWait429() {
            UserView member = people.member();
            Author author = new Author(member.id(), member.displayName());
            for (int i = 0; i < 3; i++) {
                // Stored but not handed to the runner: they stay queued until the next sweep.
                jobs.add(
                        author, ZoneOffset.UTC, List.of(IncomingFile.waiting("x.md", "# Waiting " + i)), Instant.now());
            }
            MvcTestResult refused =
                    upload(member, new MockMultipartFile("files", "a.md", "text/markdown", "# A".getBytes(UTF_8)));

            assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(refused)
                    .bodyJson()
                    .extractingPath("$.limit")
                    .isEqualTo("kintsugi.limits.import-jobs-per-person");
            assertThat(refused.getResponse().getHeader("Retry-After")).isNotNull();
        }
    }

    @Nested
    @DisplayName("access")
    class Access {

        @Test
        void anotherMemberGets404ForTheJobAndDoesNotSeeItListedWhileAnAdministratorReadsIt() throws Exception {
            UserView owner = people.member();
            UserView other = people.member();
            MvcTestResult accepted =
                    upload(owner, new MockMultipartFile("files", "a.md", "text/markdown", "# Mine".getBytes(UTF_8)));
            String location = accepted.getResponse().getHeader("Location");
            String id = location.substring(location.lastIndexOf('/') + 1);

            assertThat(get(location, other)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(get(JOBS, other))
                    .bodyJson()
                    .extractingPath("$")
                    .asArray()
                    .isEmpty();
            assertThat(get(location, people.viewer())).hasStatus(HttpStatus.NOT_FOUND);
            MvcTestResult admin = mvc.get()
                    .uri(location)
                    .with(httpBasic(TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD))
                    .exchange();
            assertThat(admin).hasStatus(HttpStatus.OK);
            assertThat(get(JOBS, owner)).bodyJson().extractingPath("$[0].id").isEqualTo(Integer.valueOf(id));
        }

        @Test
        void aViewerMayNotImport() {
            MvcTestResult refused = upload(
                    people.viewer(), new MockMultipartFile("files", "a.md", "text/markdown", "# A".getBytes(UTF_8)));
            assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
        }
    }

    static Map<String, Object> file(List<Map<String, Object>> files, String name) {
        return files.stream()
                .filter(f -> name.equals(f.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no file " + name + " in " + files));
    }
}
