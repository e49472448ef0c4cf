package org.kintsugi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kintsugi.support.ChildKintsugi;

/**
 * The embedded default is backed up while it runs and writes go on, and restored onto an empty data directory by
 * starting with {@code --kintsugi.restore}: the restored Kintsugi holds the same incidents, postmortem and people,
 * and a data directory that holds a database is never overwritten.
 */
class BackupRestoreTests {

    static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path original;

    @TempDir
    Path empty;

    @TempDir
    Path downloads;

    ChildKintsugi first;
    ChildKintsugi restored;

    @AfterEach
    void stop() throws InterruptedException {
        for (ChildKintsugi app : new ChildKintsugi[] {first, restored}) {
            if (app != null) {
                app.kill();
            }
        }
    }

    @Test
    void aBackupRestoredOntoAnEmptyDataDirectoryHoldsTheSameData() throws Exception {
        assumeFalse(ChildKintsugi.postgres(), "backups cover the embedded database; PostgreSQL has pg_dump");
        first = ChildKintsugi.embedded(original).start();
        String token = first.token();
        for (int i = 0; i < 5; i++) {
            assertThat(first.declare(token, "Checkout down " + i).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> postmortem = first.post(token, "/api/v1/incidents/INC-3/postmortem", "{}");
        assertThat(postmortem.statusCode()).as(postmortem.body()).isEqualTo(201);
        String incidents = first.get(token, "/api/v1/incidents?size=50").body();
        String document = first.get(token, "/api/v1/postmortems?status=").body();

        HttpResponse<String> made = first.post(token, "/api/v1/backups", "");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        Matcher name = NAME.matcher(made.body());
        assertThat(name.find()).isTrue();
        Path kept = original.resolve("backups").resolve(name.group(1));
        assertThat(Files.getPosixFilePermissions(kept))
                .as("a backup holds the secret key: its owner alone reads it")
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(first.declare(token, "After the backup").statusCode()).isEqualTo(201);
        Path zip = downloads.resolve("backup.zip");
        HttpResponse<Path> download =
                first.get(token, "/api/v1/backups/" + name.group(1), HttpResponse.BodyHandlers.ofFile(zip));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(Files.size(zip)).isPositive();
        first.stop();

        restored = ChildKintsugi.embedded(empty).start("--kintsugi.restore=" + zip);
        assertThat(facts(restored.get(token, "/api/v1/incidents?size=50").body()))
                .isEqualTo(facts(incidents))
                .anySatisfy(f -> assertThat(f).contains("Checkout down 4"));
        assertThat(facts(restored.get(token, "/api/v1/postmortems?status=").body()))
                .isEqualTo(facts(document))
                .isNotEmpty();
        assertThat(restored.get(token, "/api/v1/incidents").body()).doesNotContain("After the backup");
        assertThat(Files.getPosixFilePermissions(empty.resolve("secret.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(restored.declare(token, "Written after the restore").statusCode())
                .isEqualTo(201);
        restored.stop();

        // Started again with the same setting, it keeps what was written since the restore.
        restored = ChildKintsugi.embedded(empty).start("--kintsugi.restore=" + zip);
        assertThat(restored.get(token, "/api/v1/incidents").body()).contains("Written after the restore");

        // A data directory that holds a database is never overwritten.
        String refusal = ChildKintsugi.embedded(original).startExpectingRefusal("--kintsugi.restore=" + zip);
        assertThat(refusal).contains("kintsugi.restore").contains("already holds a database");
    }

    /** The keys, titles, ids and states in a listing: what must come back, leaving out what is worked out anew. */
    static java.util.List<String> facts(String json) {
        return FACT.matcher(json).results().map(m -> m.group()).toList();
    }

    static final Pattern FACT = Pattern.compile("\"(key|title|id|status|ownerName|dueAt)\"\\s*:\\s*(\"[^\"]*\"|\\d+)");
}
