package org.kintsugi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kintsugi.support.ChildKintsugi;

/**
 * The quickest start (README, Start-up) runs the code Spring's build-time processing wrote, in which the beans and the
 * configuration classes' conditions were settled at build time. Started that way, Kintsugi still takes settings given
 * only at run time (an SMTP server here), serves the API and finds what it indexed. Runs after {@code ./mvnw
 * -Paot-cache} has processed the build, as {@code .ci/run} does.
 */
class AotStartTests {

    static final int SMTP_PORT = freePort();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

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
    void theBuildTimeProcessedStartSendsMailToAServerGivenAtRunTimeAndServesSearch() throws Exception {
        assumeTrue(
                Boolean.getBoolean("kintsugi.test.aot"),
                "needs the build-time processed classes: run ./mvnw -Paot-cache verify (as .ci/run does)");
        app = ChildKintsugi.onTestDatabase(data)
                .aheadOfTime()
                .start(
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + SMTP_PORT,
                        "--logging.level.org.kintsugi.KintsugiApplication=INFO");
        assertThat(app.output()).contains("Starting AOT-processed KintsugiApplication");

        String token = app.token();
        HttpResponse<String> me = app.get(token, "/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        String schedule = """
                {"title": "Retrospective of the build-time start", "date": "%s", "time": "10:00", "zone": "UTC",
                 "durationMinutes": 30, "meetingLink": "https://meet.example.org/aot", "facilitatorId": %d,
                 "invitees": [{"email": "guest@example.org"}]}""".formatted(LocalDate.now().plusDays(3), id(me.body()));
        HttpResponse<String> made = app.post(token, "/api/v1/debriefs", schedule);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(smtp.waitForIncomingEmail(30_000, 2))
                .as("the invitations reach the SMTP server set on the command line")
                .isTrue();
        MimeMessage invitation = Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> recipient(mail).equals("guest@example.org"))
                .findFirst()
                .orElseThrow();
        assertThat(invitation.getSubject()).contains("Retrospective of the build-time start");

        String tag = "zqaot" + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> declared = app.declare(token, tag + " checkout down");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        long deadline = System.nanoTime() + 30_000_000_000L;
        String found;
        do {
            Thread.sleep(200);
            found = app.get(token, "/api/v1/search?q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8))
                    .body();
        } while (!found.contains(tag) && System.nanoTime() < deadline);
        assertThat(found).as("the incident is found by search").contains(tag);
    }

    static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static long id(String json) {
        Matcher m = ID.matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
