package org.kintsugi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Actuator endpoints answer programs: administrators by HTTP Basic or token, a scraper by its own token. */
@KintsugiAppTest
class OperationsEndpointsTests {

    static final String SCRAPE_TOKEN = KintsugiAppTest.METRICS_TOKEN;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    TokenManagement tokens;

    @Nested
    @DisplayName("an admin-only endpoint (/actuator/info)")
    class AdminOnly {

        @Test
        void letsAnAdministratorInWithHttpBasic() {
            assertThat(mvc.get()
                            .uri("/actuator/info")
                            .with(httpBasic(TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD))
                            .exchange())
                    .hasStatusOk();
        }

        @Test
        void letsAnAdministratorInWithAToken() {
            UserView admin = people.add(Role.ADMIN);
            String secret = tokens.issue(admin.id(), "ops").secret();
            assertThat(mvc.get()
                            .uri("/actuator/info")
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                            .exchange())
                    .hasStatusOk();
        }

        @Test
        void forbidsAMember() {
            UserView member = people.member();
            assertThat(mvc.get()
                            .uri("/actuator/info")
                            .with(httpBasic(member.email(), TestPeople.PASSWORD))
                            .exchange())
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        void asksAnonymousProgramsToAuthenticate() {
            assertThat(mvc.get()
                            .uri("/actuator/info")
                            .accept(MediaType.APPLICATION_JSON)
                            .exchange())
                    .hasStatus(HttpStatus.UNAUTHORIZED)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .containsHeader(HttpHeaders.WWW_AUTHENTICATE);
        }
    }

    @Test
    void healthStaysPublic() {
        assertThat(mvc.get().uri("/actuator/health").exchange()).hasStatusOk();
    }

    @Nested
    @DisplayName("Prometheus metrics")
    class Prometheus {

        @Test
        void areScrapedWithTheMetricsToken() {
            var result = mvc.get()
                    .uri("/actuator/prometheus")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + SCRAPE_TOKEN)
                    .exchange();
            assertThat(result).hasStatusOk().bodyText().contains("jvm_memory_used_bytes");
        }

        @Test
        void areReadByAnAdministrator() {
            assertThat(mvc.get()
                            .uri("/actuator/prometheus")
                            .with(httpBasic(TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD))
                            .exchange())
                    .hasStatusOk()
                    .bodyText()
                    .contains("jvm_memory_used_bytes");
        }

        @Test
        void refuseAnyoneElse() {
            UserView member = people.member();
            assertThat(mvc.get()
                            .uri("/actuator/prometheus")
                            .with(httpBasic(member.email(), TestPeople.PASSWORD))
                            .exchange())
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get()
                            .uri("/actuator/prometheus")
                            .header(HttpHeaders.AUTHORIZATION, "Bearer not-the-scrape-token")
                            .exchange())
                    .hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(mvc.get().uri("/actuator/prometheus").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        @Test
        void theScrapeTokenOpensNothingElse() {
            assertThat(mvc.get()
                            .uri("/actuator/info")
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + SCRAPE_TOKEN)
                            .exchange())
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get()
                            .uri("/api/v1/incidents")
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + SCRAPE_TOKEN)
                            .exchange())
                    .hasStatus(HttpStatus.UNAUTHORIZED);
        }
    }
}
