package org.kintsugi.postmortem.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.UserView;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Import all 75 real postmortems of the shared corpus through the API, then export each to Markdown and PDF. */
@KintsugiAppTest
class CorpusImportTests {

    static final Path FOLDER = Path.of("../shared/corpus/postmortems");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Test
    void importsEveryCorpusPostmortemWithoutLosingTextAndExportsIt() throws Exception {
        assumeTrue(Files.isDirectory(FOLDER), "The shared corpus is not at " + FOLDER.toAbsolutePath());
        UserView member = people.member();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(FOLDER)) {
            files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(files).hasSize(75);
        List<String> problems = new ArrayList<>();
        int events = 0;
        int withTimeline = 0;
        long pdfMillis = 0;
        for (Path file : files) {
            String markdown = Files.readString(file);
            String name = file.getFileName().toString();
            var imported = mvc.post()
                    .uri("/api/v1/postmortems/import?fileName=" + name)
                    .with(httpBasic(member.email(), TestPeople.PASSWORD))
                    .contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
                    .content(markdown.getBytes(StandardCharsets.UTF_8))
                    .exchange();
            if (imported.getResponse().getStatus() != HttpStatus.CREATED.value()) {
                problems.add(
                        name + ": import answered " + imported.getResponse().getStatus() + " "
                                + imported.getResponse().getContentAsString());
                continue;
            }
            long id = ((Number) JsonPath.read(body(imported), "$.postmortemId")).longValue();
            String document = text(get("/api/v1/postmortems/" + id, member));
            for (String paragraph : MarkdownImportTests.Corpus.paragraphs(markdown)) {
                if (!document.contains(paragraph)) {
                    problems.add(name + ": lost the paragraph \"" + abbreviate(paragraph) + "\"");
                }
            }
            int expected = MarkdownImport.read(markdown, name.replace(".md", ""), ZoneOffset.UTC)
                    .timeline()
                    .size();
            List<Boolean> timeline = JsonPath.read(
                    body(get("/api/v1/postmortems/" + id + "/timeline", member)),
                    "$.events[?(@.fromIncident == false)].fromIncident");
            if (timeline.size() != expected) {
                problems.add(name + ": " + expected + " timeline events read, " + timeline.size() + " saved");
            }
            events += timeline.size();
            withTimeline += timeline.isEmpty() ? 0 : 1;
            var exported = get("/api/v1/postmortems/" + id + "/export?format=markdown", member);
            if (!body(exported).startsWith("---\n")) {
                problems.add(name + ": the Markdown export has no front matter");
            }
            long start = System.nanoTime();
            var pdf = get("/api/v1/postmortems/" + id + "/export?format=pdf", member);
            pdfMillis += (System.nanoTime() - start) / 1_000_000;
            byte[] bytes = pdf.getResponse().getContentAsByteArray();
            if (bytes.length < 1000 || !new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
                problems.add(name + ": the PDF export is not a PDF (" + bytes.length + " bytes)");
            }
        }
        System.out.printf(
                "Corpus import: %d files, %d with timeline events, %d events, PDF export %d ms in all%n",
                files.size(), withTimeline, events, pdfMillis);
        assertThat(problems).isEmpty();
        assertThat(withTimeline).isGreaterThanOrEqualTo(70);
    }

    @Test
    void importsSeveralUploadedFilesEachWithItsOwnResult() throws Exception {
        UserView member = people.member();
        var good = new MockMultipartFile(
                "files",
                "2026-11-01-dns.md",
                "text/markdown",
                "# DNS outage\n\n## Summary\n\nResolvers timed out.\n\n## Timeline\n\n- 2026-11-01 10:02 UTC alerts fired\n"
                        .getBytes(StandardCharsets.UTF_8));
        var binary =
                new MockMultipartFile("files", "photo.md", "text/markdown", new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        var result = mvc.post()
                .uri("/api/v1/postmortems/import")
                .multipart()
                .file(good)
                .file(binary)
                .with(httpBasic(member.email(), TestPeople.PASSWORD))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        String json = body(result);
        assertThat((String) JsonPath.read(json, "$[0].result.title")).isEqualTo("DNS outage");
        assertThat((Integer) JsonPath.read(json, "$[0].result.events")).isEqualTo(1);
        assertThat((String) JsonPath.read(json, "$[1].error")).contains("UTF-8");
    }

    @Test
    void anEmptyDocumentIsRefusedWithTheFieldNamed() throws Exception {
        UserView member = people.member();
        var result = mvc.post()
                .uri("/api/v1/postmortems/import")
                .with(httpBasic(member.email(), TestPeople.PASSWORD))
                .contentType(MediaType.TEXT_PLAIN)
                .content("   ")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("markdown");
    }

    MvcTestResult get(String uri, UserView as) {
        return mvc.get()
                .uri(uri)
                .with(httpBasic(as.email(), TestPeople.PASSWORD))
                .exchange();
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Return the title and every section's text of a postmortem as one string. */
    static String text(MvcTestResult result) throws Exception {
        String json = body(result);
        List<String> bodies = JsonPath.read(json, "$.sections[*].body");
        return JsonPath.read(json, "$.title") + "\n" + String.join("\n", bodies);
    }

    static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
