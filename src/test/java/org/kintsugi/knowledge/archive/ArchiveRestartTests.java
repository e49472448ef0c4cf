package org.kintsugi.knowledge.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kintsugi.support.ChildKintsugi;

/**
 * Kintsugi killed with SIGKILL in the middle of an archive import, then started again on the same data: the import
 * goes on where it stopped, and at the end every file is imported exactly once — no file lost, none twice.
 */
class ArchiveRestartTests {

    static final int COPIES = 50;

    @TempDir
    Path data;

    ChildKintsugi app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void anImportKilledHalfwayResumesAtTheNextStartAndImportsEachFileExactlyOnce() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, byte[]> corpus = Archives.corpus();
        for (int copy = 0; copy < COPIES; copy++) {
            for (var file : corpus.entrySet()) {
                entries.put("copy-" + copy + "/" + file.getKey(), file.getValue());
            }
        }
        int total = entries.size();
        app = ChildKintsugi.onTestDatabase(data).start();
        String token = app.token();

        HttpResponse<String> accepted = upload(token, "archive.zip", Archives.zip(entries));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String job = accepted.headers().firstValue("Location").orElseThrow();

        int doneAtKill = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (doneAtKill < 20 && System.nanoTime() < deadline) {
            doneAtKill = JsonPath.read(app.get(token, job).body(), "$.done");
            Thread.sleep(20);
        }
        app.kill();
        assertThat(doneAtKill).as("files imported when killed").isBetween(20, total - 1);

        app.start();
        String report = null;
        deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            report = app.get(token, job).body();
            if ("done".equals(JsonPath.read(report, "$.state"))) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat((String) JsonPath.read(report, "$.state")).as(report).isEqualTo("done");
        assertThat((Integer) JsonPath.read(report, "$.done")).isEqualTo(total);
        assertThat((Integer) JsonPath.read(report, "$.failed")).isZero();
        List<Integer> postmortems = JsonPath.read(report, "$.files[*].postmortemId");
        assertThat(new HashSet<>(postmortems)).hasSize(total);
        int incidents = JsonPath.read(app.get(token, "/api/v1/incidents?size=1").body(), "$.totalItems");
        assertThat(incidents).as("incidents made: one per file, none twice").isEqualTo(total);
        System.out.printf(
                "Archive restart: %d files, %d imported before the kill, all %d once after the restart%n",
                total, doneAtKill, total);
    }

    HttpResponse<String> upload(String token, String name, byte[] zip) throws Exception {
        String boundary = "kintsugi-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                        + "\"\r\nContent-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(zip);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(app.url(ArchiveImportApiTests.JOBS))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
