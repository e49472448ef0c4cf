package org.kintsugi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@KintsugiAppTest
class ApiTokenTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    TokenManagement tokens;

    @Test
    void issuesATokenOnceStoresOnlyItsHashAndAcceptsItAsBearer() throws Exception {
        UserView member = people.member();
        var issued = mvc.post()
                .uri("/api/v1/tokens")
                .with(httpBasic(member.email(), TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"alert bridge\"}")
                .exchange();
        assertThat(issued).hasStatus(HttpStatus.CREATED);
        String secret = com.jayway.jsonpath.JsonPath.read(issued.getResponse().getContentAsString(), "$.secret");
        assertThat(secret).startsWith("kts_").hasSizeGreaterThan(40);

        var me = mvc.get()
                .uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .exchange();
        assertThat(me).hasStatusOk().bodyJson().extractingPath("$.email").isEqualTo(member.email());

        var list = mvc.get()
                .uri("/api/v1/tokens")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .exchange();
        assertThat(list).bodyJson().extractingPath("$[0].name").isEqualTo("alert bridge");
        assertThat(list).bodyJson().extractingPath("$[0].lastUsedAt").isNotNull();
        assertThat(list.getResponse().getContentAsString()).doesNotContain(secret);
        assertThat(tokens.of(member.id())).hasSize(1);
    }

    @Test
    void revokedTokenIsRefusedWithProblem() {
        UserView member = people.member();
        IssuedToken issued = tokens.issue(member.id(), "laptop");
        var revoke = mvc.delete()
                .uri("/api/v1/tokens/{id}", issued.token().id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.secret())
                .exchange();
        assertThat(revoke)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.revokedAt")
                .isNotNull();
        var after = mvc.get()
                .uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.secret())
                .exchange();
        assertThat(after)
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void revokingSomeoneElsesTokenOnTheProfileIsNotFoundAndTheTokenStaysValid() {
        UserView owner = people.member();
        UserView other = people.member();
        IssuedToken issued = tokens.issue(owner.id(), "deploy bot");
        var revoke = mvc.post()
                .uri("/profile/tokens/{id}/revoke", issued.token().id())
                .with(user(KintsugiPrincipal.of(other)))
                .with(csrf())
                .exchange();
        assertThat(revoke).hasStatus(HttpStatus.NOT_FOUND).bodyText().contains("No token with id");
        var stillValid = mvc.get()
                .uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.secret())
                .exchange();
        assertThat(stillValid).hasStatusOk();
    }

    @Test
    void tokenOfADeactivatedPersonIsRefused() {
        UserView member = people.member();
        IssuedToken issued = tokens.issue(member.id(), "ci");
        var admin = mvc.patch()
                .uri("/api/v1/users/{id}", member.id())
                .with(httpBasic(TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"active\": false}")
                .exchange();
        assertThat(admin).hasStatusOk();
        var after = mvc.get()
                .uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.secret())
                .exchange();
        assertThat(after).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void unknownTokenIsRefused() {
        var result = mvc.get()
                .uri("/api/v1/incidents")
                .header(HttpHeaders.AUTHORIZATION, "Bearer kts_nope")
                .exchange();
        assertThat(result)
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void tokenNeedsAName() {
        UserView member = people.member();
        var result = mvc.post()
                .uri("/api/v1/tokens")
                .with(httpBasic(member.email(), TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void onlyAdministratorsManagePeople() {
        UserView member = people.member();
        var result = mvc.get()
                .uri("/api/v1/users")
                .with(httpBasic(member.email(), TestPeople.PASSWORD))
                .exchange();
        assertThat(result)
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
