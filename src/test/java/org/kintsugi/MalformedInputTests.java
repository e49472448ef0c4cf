package org.kintsugi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserView;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A value that cannot be read is named by its field, with what would have been accepted; nothing is saved. */
@KintsugiAppTest
class MalformedInputTests {

    static final String INCIDENT = """
            {"title": "%s", "kind": "system", "severity": "SEV2", "impact": "EU customers could not pay",
             "startedAt": "2026-11-20T10:00:00Z", "peopleAffected": %s}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    UserView member;
    UserView admin;

    @BeforeEach
    void people() {
        member = people.member();
        admin = people.add(Role.ADMIN);
    }

    @Test
    void aWordWhereANumberBelongsNamesTheField() throws Exception {
        MvcTestResult result =
                send(HttpMethod.POST, "/api/v1/incidents", member, INCIDENT.formatted("Down", "\"many\""));
        assertProblem(result, "peopleAffected", "many");
    }

    @Test
    void aNumberTooLargeNamesTheFieldAndTheLargestAccepted() throws Exception {
        MvcTestResult result =
                send(HttpMethod.POST, "/api/v1/incidents", member, INCIDENT.formatted("Down", "99999999999"));
        assertProblem(result, "peopleAffected", "2147483647");
    }

    @Test
    void anUnknownRoleNamesTheFieldAndTheRolesThereAre() throws Exception {
        UserView someone = people.viewer();
        MvcTestResult result = send(HttpMethod.PATCH, "/api/v1/users/" + someone.id(), admin, "{\"role\": \"OWNER\"}");
        assertProblem(result, "role", "ADMIN, MEMBER, VIEWER");
    }

    @Test
    void anObjectWhereTextBelongsNamesTheField() throws Exception {
        MvcTestResult result = send(
                HttpMethod.POST,
                "/api/v1/incidents",
                member,
                INCIDENT.formatted("Down", "1").replace("\"system\"", "{}"));
        assertProblem(result, "kind", "text");
    }

    @Test
    void brokenJsonSaysWhereItBroke() throws Exception {
        MvcTestResult result = send(HttpMethod.POST, "/api/v1/incidents", member, "{\"title\": \"Down\",");
        assertProblem(result, "body", "line 1");
    }

    @Test
    void controlCharactersAreRefusedAndNothingIsSaved() throws Exception {
        MvcTestResult result =
                send(HttpMethod.POST, "/api/v1/incidents", member, INCIDENT.formatted("Down\\u0000now", "1"));
        assertProblem(result, "title", "U+0000");
        MvcTestResult escape =
                send(HttpMethod.POST, "/api/v1/incidents", member, INCIDENT.formatted("Down\\u001b[31m", "1"));
        assertProblem(escape, "title", "U+001B");
        MvcTestResult list = send(HttpMethod.GET, "/api/v1/incidents?q=Down", member, null);
        assertThat(list.getResponse().getContentAsString()).doesNotContain("Down\\u0000");
    }

    @Test
    void aFormWithAControlCharacterIsRefusedNamingTheField() throws Exception {
        MvcTestResult result = mvc.post()
                .uri("/incidents")
                .with(user(KintsugiPrincipal.of(member)))
                .with(csrf())
                .param("title", "Down\u0007again")
                .param("kind", "SYSTEM")
                .exchange();
        assertProblem(result, "title", "U+0007");
        MvcTestResult list = send(HttpMethod.GET, "/api/v1/incidents?q=again", member, null);
        assertThat(list.getResponse().getContentAsString()).doesNotContain("Down");
    }

    @Test
    void tabsAndLineBreaksStillPass() throws Exception {
        MvcTestResult result = send(
                HttpMethod.POST,
                "/api/v1/incidents",
                member,
                INCIDENT.formatted("Down", "1").replace("EU customers", "EU\\tcustomers\\r\\nand more"));
        assertThat(result).hasStatus(201);
    }

    private MvcTestResult send(HttpMethod method, String uri, UserView as, String json) {
        var request = mvc.method(method).uri(uri).with(user(KintsugiPrincipal.of(as)));
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return request.exchange();
    }

    private static void assertProblem(MvcTestResult result, String field, String messageContains) throws Exception {
        assertThat(result).hasStatus(400);
        String body = result.getResponse().getContentAsString();
        List<String> fields = JsonPath.read(body, "$.errors[*].field");
        assertThat(fields).as(body).containsExactly(field);
        String message = JsonPath.read(body, "$.errors[0].message");
        assertThat(message).as(body).contains(messageContains);
    }
}
