package org.kintsugi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserView;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Backups are for administrators, and cover the embedded file database only (BackupRestoreTests runs one). */
@KintsugiAppTest
class BackupApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Test
    void onlyAdministratorsMakeListOrDownloadBackups() {
        for (UserView someone : new UserView[] {people.viewer(), people.member()}) {
            assertThat(mvc.post().uri("/api/v1/backups").with(httpBasic(someone.email(), TestPeople.PASSWORD)))
                    .hasStatus(403);
            assertThat(mvc.get().uri("/api/v1/backups").with(httpBasic(someone.email(), TestPeople.PASSWORD)))
                    .hasStatus(403);
            assertThat(mvc.get()
                            .uri("/api/v1/backups/kintsugi-20261206-101500.zip")
                            .with(httpBasic(someone.email(), TestPeople.PASSWORD)))
                    .hasStatus(403);
        }
        assertThat(mvc.get().uri("/api/v1/backups")).hasStatus(401);
    }

    @Test
    void aDatabaseOtherThanTheEmbeddedFileIsBackedUpWithItsOwnTools() {
        UserView admin = people.add(Role.ADMIN);
        var refused = mvc.post().uri("/api/v1/backups").with(httpBasic(admin.email(), TestPeople.PASSWORD));
        assertThat(refused).hasStatus(409);
        assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("embedded database only");
    }

    @Test
    void aNameThatIsNotABackupIsNotFound() {
        UserView admin = people.add(Role.ADMIN);
        assertThat(mvc.get().uri("/api/v1/backups/kintsugi.mv.db").with(httpBasic(admin.email(), TestPeople.PASSWORD)))
                .hasStatus(404);
    }
}
