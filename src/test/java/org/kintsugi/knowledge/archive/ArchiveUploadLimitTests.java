package org.kintsugi.knowledge.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.UserView;
import org.kintsugi.support.KintsugiServerTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP, where the body's length is declared: an archive may be larger than any other request body
 * ({@code kintsugi.limits.archive-upload}, 32 MB, against {@code request-body}, 4 MB), and past its own limit it is
 * refused {@code 413} before it is read, naming the setting.
 */
@KintsugiServerTest
class ArchiveUploadLimitTests {

    @LocalServerPort
    int port;

    @Autowired
    TestPeople people;

    @Test
    void anArchiveLargerThanOtherRequestsIsTakenAndOnePastItsOwnLimitIsRefused413() throws Exception {
        UserView member = people.member();
        // Stored, not compressed: 6 MB of postmortems, past the 4 MB of other requests.
        byte[] text = ("# Queue backlog\n\n## Summary\n\n" + "Orders waited in the queue. ".repeat(35_000))
                .getBytes(StandardCharsets.UTF_8);
        byte[] six;
        try (var out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 6; i++) {
                out.write(part("files", "backlog-" + i + ".md", "text/markdown", text));
            }
            out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            six = out.toByteArray();
        }
        assertThat(six.length).isGreaterThan(5_000_000);

        HttpResponse<String> accepted = post(member, six);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat((Integer) JsonPath.read(accepted.body(), "$.total")).isEqualTo(6);

        byte[] forty = new byte[40 * 1024 * 1024];
        HttpResponse<String> refused = post(member, forty);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat((String) JsonPath.read(refused.body(), "$.limit")).isEqualTo("kintsugi.limits.archive-upload");
        assertThat((String) JsonPath.read(refused.body(), "$.errors[0].field")).isEqualTo("files");

        HttpResponse<String> elsewhere = HttpClient.newHttpClient()
                .send(
                        request(member, "/api/v1/postmortems/import")
                                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(six))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(413);
        assertThat((String) JsonPath.read(elsewhere.body(), "$.limit")).isEqualTo("kintsugi.limits.request-body");
    }

    static final String BOUNDARY = "archive-limit-test";

    static byte[] part(String name, String file, String type, byte[] content) throws Exception {
        var out = new ByteArrayOutputStream();
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + file
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    HttpResponse<String> post(UserView who, byte[] body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        request(who, ArchiveImportApiTests.JOBS)
                                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(UserView who, String path) {
        String basic = Base64.getEncoder()
                .encodeToString((who.email() + ":" + TestPeople.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic);
    }
}
