package org.kintsugi.action.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

@TrackerAppTest
class TrackerSecretsAtRestTests extends TrackerTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Value("${kintsugi.data-dir}")
    Path dataDir;

    @Test
    void tokensAndWebhookSecretsAreNotInTheDatabaseInTheClear() {
        List<Map<String, Object>> rows = jdbc.queryForList("select token, webhook_secret from tracker_settings");
        assertThat(rows).hasSize(3);
        for (Map<String, Object> row : rows) {
            for (Object value : row.values()) {
                assertThat((String) value)
                        .startsWith("enc1:")
                        .doesNotContain(GITHUB_TOKEN, GITLAB_TOKEN, JIRA_TOKEN)
                        .doesNotContain(GITHUB_SECRET, GITLAB_SECRET, JIRA_SECRET);
            }
        }
    }

    @Test
    void theEncryptedTokenAndSecretStillWork() {
        long id = inProgress("Stage config pushes by region");
        assertThat(send(id, "github")).hasStatus(HttpStatus.CREATED);
        assertThat(github.requests("POST").getFirst().header("Authorization")).isEqualTo("Bearer " + GITHUB_TOKEN);
        assertThat(configuration.connection(TrackerKind.JIRA).orElseThrow().webhookSecret())
                .isEqualTo(JIRA_SECRET);
    }

    @Test
    void theKeyIsCreatedInTheDataDirectoryReadableByItsOwnerOnly() throws Exception {
        Path file = dataDir.resolve("secret.key");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
