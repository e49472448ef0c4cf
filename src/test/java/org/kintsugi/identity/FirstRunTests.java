package org.kintsugi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Without KINTSUGI_ADMIN_EMAIL the first visit creates the administrator. */
@SpringBootTest
@AutoConfigureMockMvc
class FirstRunTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserManagement users;

    @Test
    void firstVisitCreatesTheAdministratorThenSetUpCloses() {
        assertThat(mvc.get().uri("/incidents").exchange())
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/setup");
        assertThat(mvc.get().uri("/setup").exchange()).hasStatusOk().bodyText().contains("Create administrator");

        var bad = mvc.post()
                .uri("/setup")
                .with(csrf())
                .param("email", "first@kintsugi.test")
                .param("displayName", "First Admin")
                .param("password", "short")
                .param("zone", "Europe/Copenhagen")
                .exchange();
        assertThat(bad)
                .hasStatusOk()
                .bodyText()
                .contains("Password must be 10 to 200 characters")
                .contains("value=\"first@kintsugi.test\"");
        assertThat(users.needsSetup()).isTrue();

        var created = mvc.post()
                .uri("/setup")
                .with(csrf())
                .param("email", "first@kintsugi.test")
                .param("displayName", "First Admin")
                .param("password", "a-long-password")
                .param("zone", "Europe/Copenhagen")
                .exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/incidents");
        UserView admin = users.all().getFirst();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.zone().getId()).isEqualTo("Europe/Copenhagen");

        var again = mvc.post()
                .uri("/setup")
                .with(csrf())
                .param("email", "second@kintsugi.test")
                .param("displayName", "Second")
                .param("password", "a-long-password")
                .param("zone", "UTC")
                .exchange();
        assertThat(again).hasRedirectedUrl("/login");
        assertThat(users.all()).hasSize(1);
    }
}
