package org.kintsugi.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserView;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@KintsugiAppTest
class LanguageApiTests {

    static final String BOB = "{\"text\": \"Bob should have checked the dashboard\"}";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    MvcTestResult call(HttpMethod method, String uri, UserView as, @Nullable String json) {
        var request = mvc.method(method).uri(uri).with(httpBasic(as.email(), TestPeople.PASSWORD));
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return request.exchange();
    }

    List<String> rulesFound(MvcTestResult result) throws Exception {
        return JsonPath.read(result.getResponse().getContentAsString(), "$.findings[*].rule");
    }

    @Test
    void aMemberGetsEachFindingWithItsSpanCategoryAndSuggestion() {
        var result = call(HttpMethod.POST, "/api/v1/language/review", people.member(), BOB);
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.score").isEqualTo(95);
        assertThat(result).bodyJson().extractingPath("$.findings[0].start").isEqualTo(4);
        assertThat(result).bodyJson().extractingPath("$.findings[0].end").isEqualTo(23);
        assertThat(result).bodyJson().extractingPath("$.findings[0].text").isEqualTo("should have checked");
        assertThat(result).bodyJson().extractingPath("$.findings[0].category").isEqualTo("HINDSIGHT");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.findings[0].suggestion")
                .isEqualTo("What made checking the dashboard seem unnecessary at the time?");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.findings[0].explanation")
                .asString()
                .isNotBlank();
    }

    @Test
    void systemsAndRecommendationsPassUnflagged() {
        var result = call(
                HttpMethod.POST,
                "/api/v1/language/review",
                people.member(),
                "{\"text\": \"The deploy failed to complete. We should add a pre-flight check.\"}");
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.findings").asArray().isEmpty();
        assertThat(result).bodyJson().extractingPath("$.score").isEqualTo(100);
    }

    @Test
    void aReviewWithoutTextIsRefusedNamingTheField() {
        var result = call(HttpMethod.POST, "/api/v1/language/review", people.member(), "{}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("text");
    }

    @Test
    void viewersReadTheRulesButNeitherViewersNorMembersChangeThem() {
        assertThat(call(HttpMethod.GET, "/api/v1/language/rules", people.viewer(), null))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[?(@.id == 'hindsight-should-have')].enabled")
                .asArray()
                .containsExactly(true);
        String off = "{\"enabled\": false}";
        assertThat(call(HttpMethod.PUT, "/api/v1/language/rules/hindsight-should-have", people.viewer(), off))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.PUT, "/api/v1/language/rules/hindsight-should-have", people.member(), off))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(call(
                        HttpMethod.POST,
                        "/api/v1/language/rules",
                        people.member(),
                        "{\"pattern\": \"rockstar\", \"category\": \"JUDGEMENT\", \"explanation\": \"x\","
                                + " \"suggestion\": \"y\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void anAdminSwitchesARuleOffAndTheSameTextNoLongerYieldsThatFinding() throws Exception {
        UserView admin = people.add(Role.ADMIN);
        UserView member = people.member();
        assertThat(rulesFound(call(HttpMethod.POST, "/api/v1/language/review", member, BOB)))
                .contains("hindsight-should-have");
        try {
            assertThat(call(
                            HttpMethod.PUT,
                            "/api/v1/language/rules/hindsight-should-have",
                            admin,
                            "{\"enabled\": false}"))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.enabled")
                    .isEqualTo(false);
            assertThat(rulesFound(call(HttpMethod.POST, "/api/v1/language/review", member, BOB)))
                    .doesNotContain("hindsight-should-have");
        } finally {
            call(HttpMethod.PUT, "/api/v1/language/rules/hindsight-should-have", admin, "{\"enabled\": true}");
        }
        assertThat(rulesFound(call(HttpMethod.POST, "/api/v1/language/review", member, BOB)))
                .contains("hindsight-should-have");
    }

    @Test
    void anAdminAddsAHouseRuleThatReviewsThenFind() throws Exception {
        UserView admin = people.add(Role.ADMIN);
        String word = "ninja" + UUID.randomUUID().toString().substring(0, 6);
        var added = call(
                HttpMethod.POST,
                "/api/v1/language/rules",
                admin,
                "{\"pattern\": \"" + word + "\", \"category\": \"judgement\", \"explanation\": \"Hero talk hides the"
                        + " system.\", \"suggestion\": \"Name the skill and how the team shares it.\"}");
        assertThat(added).hasStatus(HttpStatus.CREATED);
        String id = JsonPath.read(added.getResponse().getContentAsString(), "$.id");
        var review = call(
                HttpMethod.POST,
                "/api/v1/language/review",
                people.member(),
                "{\"text\": \"Our " + word.toUpperCase() + " fixed it overnight.\"}");
        assertThat(review).bodyJson().extractingPath("$.findings[0].rule").isEqualTo(id);
        assertThat(review).bodyJson().extractingPath("$.findings[0].category").isEqualTo("JUDGEMENT");
        assertThat(review).bodyJson().extractingPath("$.findings[0].start").isEqualTo(4);
    }

    @Test
    void aHouseRuleWithABadPatternIsRefusedNamingTheField() {
        var result = call(
                HttpMethod.POST,
                "/api/v1/language/rules",
                people.add(Role.ADMIN),
                "{\"pattern\": \"(unclosed\", \"regex\": true, \"category\": \"NOPE\", \"explanation\": \"x\","
                        + " \"suggestion\": \"y\"}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("pattern", "category");
    }

    @Test
    void theAdminPageListsRulesAndSwitchesOneOff() {
        UserView admin = people.add(Role.ADMIN);
        var page = mvc.get()
                .uri("/admin/language")
                .with(user(KintsugiPrincipal.of(admin)))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("hindsight-failed-to", "Add a rule", "Switch off judgement-idioms");
        try {
            var switched = mvc.post()
                    .uri("/admin/language/judgement-idioms")
                    .param("enabled", "false")
                    .with(user(KintsugiPrincipal.of(admin)))
                    .with(csrf())
                    .exchange();
            assertThat(switched).hasStatus(HttpStatus.FOUND);
            var after = mvc.get()
                    .uri("/admin/language")
                    .with(user(KintsugiPrincipal.of(admin)))
                    .exchange();
            assertThat(after).bodyText().contains("Switch on judgement-idioms");
        } finally {
            mvc.post()
                    .uri("/admin/language/judgement-idioms")
                    .param("enabled", "true")
                    .with(user(KintsugiPrincipal.of(admin)))
                    .with(csrf())
                    .exchange();
        }
    }

    @Test
    void membersCannotOpenTheAdminPage() {
        UserView member = people.member();
        assertThat(mvc.get()
                        .uri("/admin/language")
                        .with(user(KintsugiPrincipal.of(member)))
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
    }
}
