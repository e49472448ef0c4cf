package org.kintsugi.knowledge.archive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.Author;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The archive import pages: the way in from the import page, the upload, the progress fragment and the report. */
@KintsugiAppTest
class ArchiveImportPagesTests {

    static final String PAGE = "/postmortems/import-jobs";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    ImportJobs jobs;

    MvcTestResult get(String uri, UserView who) {
        return mvc.get().uri(uri).with(user(KintsugiPrincipal.of(who))).exchange();
    }

    MvcTestResult htmx(String uri, UserView who) {
        return mvc.get()
                .uri(uri)
                .header("HX-Request", "true")
                .with(user(KintsugiPrincipal.of(who)))
                .exchange();
    }

    MvcTestResult upload(UserView who, MockMultipartFile file) {
        return mvc.post()
                .uri(PAGE)
                .multipart()
                .file(file)
                .with(csrf())
                .with(user(KintsugiPrincipal.of(who)))
                .exchange();
    }

    @Test
    void theImportPageLeadsToTheArchiveImportWhichOffersTheUploadToMembersOnly() {
        UserView member = people.member();
        assertThat(get("/postmortems/import", member))
                .bodyText()
                .contains("href=\"/postmortems/import-jobs\">Import an archive</a>");
        assertThat(get(PAGE, member))
                .hasStatusOk()
                .bodyText()
                .contains("<h1>Import an archive</h1>", "name=\"files\"", "Up to <span>2,000</span> files");
        assertThat(get(PAGE, people.viewer())).hasStatusOk().bodyText().doesNotContain("name=\"files\"");
    }

    @Test
    void anUploadLeadsToItsPageWhoseFragmentPollsUntilTheReportLinksEachPostmortem() throws Exception {
        UserView member = people.member();
        MvcTestResult uploaded = upload(
                member,
                new MockMultipartFile("files", "archive.zip", "application/zip", Archives.zip(Archives.corpus())));

        assertThat(uploaded).hasStatus(HttpStatus.FOUND);
        String page = uploaded.getResponse().getRedirectedUrl();
        assertThat(page).matches(PAGE + "/\\d+");
        assertThat(get(page, member)).hasStatusOk().bodyText().contains("id=\"import-progress\"", "<progress");

        String fragment = "";
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!fragment.contains(">Report<") && System.nanoTime() < deadline) {
            fragment = htmx(page, member).getResponse().getContentAsString();
            assertThat(fragment).doesNotContain("<html");
            if (!fragment.contains(">Report<")) {
                assertThat(fragment).contains("hx-trigger=\"every 1s\"");
                Thread.sleep(50);
            }
        }
        assertThat(fragment)
                .contains("<strong>7</strong> imported", "<strong>0</strong> left", "dfds/pm2021-011-log4shell.md")
                .containsPattern("href=\"/postmortems/\\d+\">INC-\\d+ · ")
                .doesNotContain("hx-trigger");
        assertThat(get(PAGE, member)).bodyText().contains("href=\"" + page + "\"");
    }

    @Test
    void aRefusedUploadComesBackToTheFormWithTheLimitNamed() {
        UserView member = people.member();
        MvcTestResult refused = upload(
                member,
                new MockMultipartFile(
                        "files", "bomb.zip", "application/zip", Archives.zip(Map.of("bomb.md", new byte[5_000_000]))));

        assertThat(refused).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(refused)
                .bodyText()
                .contains(
                        "role=\"alert\"", "bomb.md has more than 1,000,000 bytes", "kintsugi.limits.archive-file-size");
    }

    @Test
    void anotherMembersImportIsNotFound() {
        UserView owner = people.member();
        long id = jobs.add(
                new Author(owner.id(), owner.displayName()),
                ZoneOffset.UTC,
                List.of(IncomingFile.failed("x.md", "The file is empty: there is nothing to import.")),
                Instant.now());

        assertThat(get(PAGE + "/" + id, people.member())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(htmx(PAGE + "/" + id, people.member())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get(PAGE + "/" + id, owner)).hasStatusOk().bodyText().contains("Not imported. The file is empty");
    }

    static byte[] text(String s) {
        return s.getBytes(UTF_8);
    }
}
