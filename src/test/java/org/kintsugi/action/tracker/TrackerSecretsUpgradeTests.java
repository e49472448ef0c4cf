package org.kintsugi.action.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kintsugi.KintsugiApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Kintsugi started again on the database of this test's application, as after an upgrade or a key rotation: the
 * second start sees what the first left behind.
 */
@TrackerAppTest
@TestPropertySource(properties = "kintsugi.secret-old-keys=" + TrackerSecretsUpgradeTests.NEXT_KEY)
class TrackerSecretsUpgradeTests {

    /** The key the rotation moves to; this test's application reads it as an old key, so it reads on after. */
    static final String NEXT_KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Autowired
    TrackerConfiguration configuration;

    @Autowired
    MockMvcTester mvc;

    @Test
    void plainTextOfAnEarlierVersionIsEncryptedAtStartAndStillWorks() {
        // What versions before encryption wrote: the token and the secret as they are.
        jdbc.update("update tracker_settings set enabled = true, target = 'acme/ops', token = 'ghp_plain-from-1.4',"
                + " webhook_secret = 'plain-hook-secret' where tracker = 'github'");

        try (var restarted = start()) {
            assertThat(restarted.isActive()).isTrue();
        }

        String token = column("token");
        String secret = column("webhook_secret");
        assertThat(token).startsWith("enc1:").doesNotContain("ghp_plain-from-1.4");
        assertThat(secret).startsWith("enc1:").doesNotContain("plain-hook-secret");
        assertThat(configuration.connection(TrackerKind.GITHUB).orElseThrow().token())
                .isEqualTo("ghp_plain-from-1.4");
        String ping = "{\"zen\": \"Design for failure.\", \"hook_id\": 7}";
        var hook = mvc.post()
                .uri("/api/v1/trackers/github/webhook")
                .header("X-GitHub-Event", "ping")
                .header("X-GitHub-Delivery", "0b4e5a1c-2e4f-11f1-8a6e-4f2f3c1d0e9a")
                .header("X-Hub-Signature-256", "sha256=" + TrackerSyncTests.hmac("plain-hook-secret", ping))
                .contentType(MediaType.APPLICATION_JSON)
                .content(ping)
                .exchange();
        assertThat(hook).hasStatusOk();
        assertThat(configuration.webhookSecret(TrackerKind.GITHUB)).isEqualTo("plain-hook-secret");
    }

    @Test
    void aNewKeyReEncryptsEverySecretAtStartAndTheOldOneStillReads() {
        jdbc.update("update tracker_settings set enabled = true, target = 'acme/ops', token = 'glpat-before-rotation'"
                + " where tracker = 'gitlab'");
        try (var first = start()) {
            assertThat(first.isActive()).isTrue();
        }
        String before = column("gitlab", "token");

        try (var rotated = start("--kintsugi.secret-key=" + NEXT_KEY)) {
            String after = column("gitlab", "token");
            assertThat(after).startsWith("enc1:").doesNotContain("glpat-before-rotation");
            assertThat(keyId(after)).isNotEqualTo(keyId(before));
            assertThat(rotated.getBean(TrackerConfiguration.class)
                            .connection(TrackerKind.GITLAB)
                            .orElseThrow()
                            .token())
                    .isEqualTo("glpat-before-rotation");
        }
        // This application reads the new key as an old one: the rotated token still reads here too.
        assertThat(configuration.connection(TrackerKind.GITLAB).orElseThrow().token())
                .isEqualTo("glpat-before-rotation");
    }

    @Test
    void aSecretNoGivenKeyDecryptsStopsTheStartNamingTheSetting() throws Exception {
        jdbc.update("update tracker_settings set webhook_secret = 'jira-plain' where tracker = 'jira'");
        try (var first = start()) {
            assertThat(first.isActive()).isTrue();
        }
        var elsewhere = Files.createTempDirectory("kintsugi-other-key").resolve("secret.key");
        assertThatThrownBy(
                        () -> start("--kintsugi.secret-key-file=" + elsewhere).close())
                .hasStackTraceContaining("tracker_settings.")
                .rootCause()
                .hasMessageContaining("not among the keys given in KINTSUGI_SECRET_KEY");
    }

    /** Start Kintsugi again on this test's database and data directory, with the jobs switched off. */
    private ConfigurableApplicationContext start(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--kintsugi.test.db=off",
                "--server.port=0",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--kintsugi.data-dir=" + environment.getProperty("kintsugi.data-dir"),
                "--kintsugi.trackers.poll-cron=-",
                "--kintsugi.trackers.retry-cron=-",
                "--kintsugi.reminders.cron=-",
                "--kintsugi.reports.cron=-"));
        String schemas = environment.getProperty("spring.flyway.schemas");
        if (schemas != null) {
            args.add("--spring.flyway.schemas=" + schemas);
        }
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(KintsugiApplication.class).run(args.toArray(String[]::new));
    }

    private String column(String name) {
        return column("github", name);
    }

    private String column(String tracker, String name) {
        return jdbc.queryForObject(
                "select " + name + " from tracker_settings where tracker = ?", String.class, tracker);
    }

    private static String keyId(String ciphertext) {
        return ciphertext.split(":")[1];
    }
}
