package org.kintsugi.action.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

@TrackerAppTest
class TrackerPagesTests extends TrackerTestSupport {

    @Nested
    @DisplayName("Setting up trackers")
    class Settings {

        @Test
        void theAdminPageShowsEachTrackerWithoutItsToken() throws Exception {
            var page = mvc.get()
                    .uri("/admin/trackers")
                    .with(user(KintsugiPrincipal.of(admin)))
                    .exchange();
            assertThat(page).hasStatusOk();
            assertThat(page.getResponse().getContentAsString())
                    .contains("GitHub", "GitLab", "Jira")
                    .contains(github.url())
                    .contains("acme/ops")
                    .contains("(set — leave empty to keep it)")
                    .contains("https://kintsugi.example/api/v1/trackers/github/webhook")
                    .doesNotContain(GITHUB_TOKEN, GITLAB_TOKEN, JIRA_TOKEN, GITHUB_SECRET);
            var asMember = mvc.get()
                    .uri("/admin/trackers")
                    .with(user(KintsugiPrincipal.of(member)))
                    .exchange();
            assertThat(asMember).hasStatus(HttpStatus.FORBIDDEN);
        }

        @Test
        void savingKeepsTheStoredTokenWhenLeftEmptyAndNamesEveryWrongField() throws Exception {
            var saved = mvc.post()
                    .uri("/admin/trackers/gitlab")
                    .with(user(KintsugiPrincipal.of(admin)))
                    .with(csrf())
                    .param("enabled", "true")
                    .param("baseUrl", "https://gitlab.example.com/")
                    .param("token", "")
                    .param("target", "42")
                    .param("webhookSecret", "")
                    .exchange();
            assertThat(saved).hasStatus(HttpStatus.FOUND);
            assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/trackers#gitlab");
            var gitlab = configuration.find(TrackerKind.GITLAB);
            assertThat(gitlab.baseUrl()).isEqualTo("https://gitlab.example.com");
            assertThat(gitlab.target()).isEqualTo("42");
            assertThat(gitlab.tokenSet()).isTrue();
            assertThat(gitlab.webhookSecretSet()).isTrue();
            assertThat(gitlab.usable()).isTrue();

            var refused = mvc.post()
                    .uri("/admin/trackers/jira")
                    .with(user(KintsugiPrincipal.of(admin)))
                    .with(csrf())
                    .param("enabled", "true")
                    .param("baseUrl", "ftp://jira")
                    .param("account", "not-an-email")
                    .param("token", "new-secret-token")
                    .param("target", "ops project")
                    .exchange();
            assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(refused.getResponse().getContentAsString())
                    .contains("Address must be an http or https address")
                    .contains("Account must be an email address")
                    .contains("Target &#39;ops project&#39; is not a project key like OPS")
                    .contains("value=\"ftp://jira\"")
                    .doesNotContain("new-secret-token");
            assertThat(configuration.find(TrackerKind.JIRA).baseUrl()).isEqualTo(jira.url());
        }

        @Test
        void theApiReadsAndChangesSettingsForAdministratorsOnlyAndNeverShowsTheToken() throws Exception {
            var read = call(HttpMethod.GET, "/api/v1/trackers/github", admin, null);
            assertThat(read).hasStatusOk();
            assertThat(read).bodyJson().extractingPath("$.target").isEqualTo("acme/ops");
            assertThat(read).bodyJson().extractingPath("$.tokenSet").isEqualTo(true);
            assertThat(read.getResponse().getContentAsString())
                    .doesNotContain(GITHUB_TOKEN)
                    .doesNotContain(GITHUB_SECRET);
            assertThat(call(HttpMethod.GET, "/api/v1/trackers/github", member, null))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(call(HttpMethod.PUT, "/api/v1/trackers/github", member, "{\"target\": \"x/y\"}"))
                    .hasStatus(HttpStatus.FORBIDDEN);

            var changed = call(HttpMethod.PUT, "/api/v1/trackers/github", admin, "{\"target\": \"acme/infra\"}");
            assertThat(changed).hasStatusOk();
            assertThat(changed).bodyJson().extractingPath("$.target").isEqualTo("acme/infra");
            assertThat(changed).bodyJson().extractingPath("$.usable").isEqualTo(true);
            var wrong = call(
                    HttpMethod.PUT, "/api/v1/trackers/github", admin, "{\"target\": \"acme\", \"baseUrl\": \"nope\"}");
            assertThat(wrong).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(wrong)
                    .bodyJson()
                    .extractingPath("$.errors[*].field")
                    .asArray()
                    .containsExactly("baseUrl", "target");
            assertThat(call(HttpMethod.GET, "/api/v1/trackers/trello", admin, null))
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
    }

    @Nested
    @DisplayName("The item's tracker panel")
    class Panel {

        @Test
        void sendingFromThePageGoesBackToItWithTheTicketShown() throws Exception {
            long id = inProgress("Stage config pushes by region");
            var before = mvc.get()
                    .uri("/actions/" + id + "/tracker")
                    .with(user(KintsugiPrincipal.of(member)))
                    .exchange();
            assertThat(before).hasStatusOk();
            assertThat(before.getResponse().getContentAsString())
                    .contains("Send to tracker")
                    .contains("<option value=\"github\">GitHub</option>")
                    .contains("name=\"_csrf\"");

            var sent = mvc.post()
                    .uri("/actions/" + id + "/tracker")
                    .with(user(KintsugiPrincipal.of(member)))
                    .with(csrf())
                    .header("Referer", "http://localhost/postmortems/" + postmortemId + "?tab=actions")
                    .param("tracker", "github")
                    .exchange();
            assertThat(sent).hasStatus(HttpStatus.FOUND);
            assertThat(sent.getResponse().getRedirectedUrl())
                    .isEqualTo("/postmortems/" + postmortemId + "?tab=actions");
            assertThat((String) sent.getMvcResult().getFlashMap().get("trackerNotice"))
                    .isEqualTo("Sent to GitHub as acme/ops#1.");

            var after = mvc.get()
                    .uri("/actions/" + id + "/tracker")
                    .with(user(KintsugiPrincipal.of(member)))
                    .exchange();
            assertThat(after.getResponse().getContentAsString())
                    .contains("href=\"https://github.com/acme/ops/issues/1\"")
                    .contains(">acme/ops#1</a>")
                    .contains("last synced")
                    .doesNotContain("Send to tracker");
        }

        @Test
        void aPendingRequestShowsTheFailedAttemptAndWhenItIsTriedAgain() throws Exception {
            github.failWith(503, java.util.Map.of());
            long id = inProgress("Stage config pushes by region");
            var sent = mvc.post()
                    .uri("/actions/" + id + "/tracker")
                    .with(user(KintsugiPrincipal.of(member)))
                    .with(csrf())
                    .header("HX-Request", "true")
                    .param("tracker", "github")
                    .exchange();
            assertThat(sent).hasStatusOk();
            assertThat(sent.getResponse().getContentAsString())
                    .contains("Kintsugi keeps the request and tries again at")
                    .contains("Pending — attempt 1 failed: GitHub answered 503 Service Unavailable")
                    .contains("next try at")
                    .contains("hx-trigger=\"every 30s\"");

            var refused = mvc.post()
                    .uri("/actions/" + id + "/tracker")
                    .with(user(KintsugiPrincipal.of(member)))
                    .with(csrf())
                    .param("tracker", "github")
                    .exchange();
            assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/actions/" + id);
            assertThat((String) refused.getMvcResult().getFlashMap().get("trackerProblem"))
                    .contains("already on its way to GitHub");
        }

        @Test
        void aRefusedTicketShowsWhyAndOffersToRetry() throws Exception {
            configuration.change(
                    TrackerKind.GITHUB,
                    new TrackerSettingsChange(null, null, null, "ghp_revoked", null, null, null),
                    author(admin));
            long id = inProgress("Stage config pushes by region");
            send(id, "github");
            var panel = mvc.get()
                    .uri("/actions/" + id + "/tracker")
                    .with(user(KintsugiPrincipal.of(member)))
                    .exchange();
            assertThat(panel.getResponse().getContentAsString())
                    .contains("Failed: GitHub answered 401 Unauthorized: Bad credentials")
                    .contains(">Retry</button>")
                    .contains("<option value=\"github\" selected=\"selected\">GitHub</option>");
        }
    }
}
