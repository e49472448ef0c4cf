package org.kintsugi.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.analysis.WhysFixtures;
import org.kintsugi.analysis.account.AccountManagement;
import org.kintsugi.analysis.account.AccountView;
import org.kintsugi.analysis.account.EntryDraft;
import org.kintsugi.analysis.account.EntryKind;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The five-whys, factor and settings APIs as a program calls them, with the roles each needs. */
@KintsugiAppTest
class WhysApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    AccountManagement accounts;

    UserView owner;
    UserView member;
    UserView viewer;
    String team;
    long pm;
    String whys;

    @BeforeEach
    void postmortem() {
        owner = people.member();
        member = people.member();
        viewer = people.viewer();
        team = "Team-" + UUID.randomUUID().toString().substring(0, 8);
        pm = WhysFixtures.postmortem(incidents, postmortems, owner, "Five whys analysis", team)
                .id();
        whys = "/api/v1/postmortems/" + pm + "/whys";
    }

    MvcTestResult call(HttpMethod method, String uri, @Nullable UserView as, @Nullable String json, String... headers) {
        var request = mvc.method(method)
                .uri(uri)
                .with(
                        as == null
                                ? httpBasic(TestPeople.ADMIN_EMAIL, TestPeople.PASSWORD)
                                : httpBasic(as.email(), TestPeople.PASSWORD));
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return request.exchange();
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    long add(@Nullable Long parent, String answer) throws Exception {
        var added = call(
                HttpMethod.POST,
                whys + "/nodes",
                owner,
                "{\"parentId\": " + parent + ", \"answer\": \"" + answer + "\"}");
        assertThat(added).hasStatus(HttpStatus.CREATED);
        return ((Number) JsonPath.read(body(added), "$.id")).longValue();
    }

    @Test
    void theApiIsDocumented() throws Exception {
        String docs = body(mvc.get().uri("/v3/api-docs").exchange());
        for (String path : List.of(
                "/api/v1/postmortems/{id}/whys",
                "/api/v1/postmortems/{id}/whys/nodes/{nodeId}",
                "/api/v1/postmortems/{id}/whys/nodes/{nodeId}/votes",
                "/api/v1/postmortems/{id}/whys/nodes/{nodeId}/action",
                "/api/v1/postmortems/{id}/factors/{factorId}",
                "/api/v1/factors",
                "/api/v1/why-settings",
                "/api/v1/factor-categories/{id}")) {
            assertThat((Object) JsonPath.read(docs, "$.paths['" + path + "']"))
                    .as(path)
                    .isNotNull();
        }
    }

    @Nested
    @DisplayName("The tree")
    class Tree {

        @Test
        void viewersReadTheTreeAndMembersAddAnswersWithEvidence() throws Exception {
            AccountView account = accounts.start(
                    pm,
                    new Author(owner.id(), owner.displayName()),
                    "",
                    List.of(new EntryDraft(Instant.now(), EntryKind.OBSERVED, "Payments took 30 s")));
            accounts.share(pm, account.id(), new Author(owner.id(), owner.displayName()), null);
            var added = call(HttpMethod.POST, whys + "/nodes", owner, """
                    {"answer": "The payment service timed out",
                     "evidence": [{"kind": "URL", "ref": "https://grafana.example/d/pay", "label": "Latency"},
                                  {"kind": "account_entry", "ref": "%d:1"}]}""".formatted(account.id()));
            assertThat(added).hasStatus(HttpStatus.CREATED);
            long id = ((Number) JsonPath.read(body(added), "$.id")).longValue();
            assertThat(added.getResponse().getHeader("Location")).isEqualTo(whys + "/nodes/" + id);
            assertThat(added.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
            add(id, "The connection pool was exhausted");

            var tree = call(HttpMethod.GET, whys, viewer, null);
            assertThat(tree).hasStatusOk();
            String json = body(tree);
            assertThat((String) JsonPath.read(json, "$.problem")).isEqualTo(WhysFixtures.IMPACT);
            assertThat((Boolean) JsonPath.read(json, "$.problemFromIncident")).isTrue();
            assertThat((Integer) JsonPath.read(json, "$.votesLeft")).isEqualTo(3);
            assertThat((Integer) JsonPath.read(json, "$.budget.perPerson")).isEqualTo(3);
            assertThat((List<String>) JsonPath.read(json, "$.nodes[*].answer"))
                    .containsExactly("The payment service timed out", "The connection pool was exhausted");
            assertThat((List<Integer>) JsonPath.read(json, "$.nodes[*].depth")).containsExactly(1, 2);
            assertThat((List<String>) JsonPath.read(json, "$.nodes[0].evidence[*].kind"))
                    .containsExactly("URL", "ACCOUNT_ENTRY");
            assertThat((String) JsonPath.read(json, "$.nodes[0].evidence[1].label"))
                    .isEqualTo(owner.displayName() + " (observed): Payments took 30 s");

            assertThat(call(HttpMethod.POST, whys + "/nodes", viewer, "{\"answer\": \"Viewers only read\"}"))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }

        @Test
        void evidenceIsCheckedFieldByField() throws Exception {
            var refused = call(HttpMethod.POST, whys + "/nodes", owner, """
                    {"answer": "The pool was exhausted",
                     "evidence": [{"kind": "URL", "ref": "javascript:alert(1)"}, {"ref": "3"},
                                  {"kind": "TIMELINE_EVENT", "ref": "424242"}]}""");
            assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(refused.getResponse().getContentType()).isEqualTo("application/problem+json");
            assertThat((List<String>) JsonPath.read(body(refused), "$.errors[*].field"))
                    .containsExactly("evidence[1].kind");
            var urls = call(HttpMethod.POST, whys + "/nodes", owner, """
                    {"answer": "The pool was exhausted",
                     "evidence": [{"kind": "URL", "ref": "javascript:alert(1)"},
                                  {"kind": "TIMELINE_EVENT", "ref": "424242"}]}""");
            assertThat((List<String>) JsonPath.read(body(urls), "$.errors[*].field"))
                    .containsExactly("evidence[0].ref", "evidence[1].ref");
            assertThat((List<String>) JsonPath.read(body(urls), "$.errors[*].message"))
                    .containsExactly(
                            "must be an http or https address, e.g. https://grafana.example/d/checkout",
                            "is not an event on this postmortem's timeline");
        }

        @Test
        void aChangeNamesTheVersionReadAndAStaleOneIsAConflict() throws Exception {
            long id = add(null, "The payment service timed out");
            var patched = call(
                    HttpMethod.PATCH, whys + "/nodes/" + id, owner, "{\"answer\": \"It timed out\", \"version\": 0}");
            assertThat(patched).hasStatusOk();
            assertThat(patched.getResponse().getHeader("ETag")).isEqualTo("\"1\"");

            var stale = call(HttpMethod.PATCH, whys + "/nodes/" + id, member, "{\"answer\": \"Mine\", \"version\": 0}");
            assertThat(stale).hasStatus(HttpStatus.CONFLICT);
            assertThat((Integer) JsonPath.read(body(stale), "$.currentVersion")).isEqualTo(1);
            assertThat((String) JsonPath.read(body(stale), "$.detail")).contains("changed by someone else");

            assertThat(call(
                            HttpMethod.PATCH,
                            whys + "/nodes/" + id,
                            member,
                            "{\"answer\": \"Mine\"}",
                            "If-Match",
                            "\"0\""))
                    .hasStatus(HttpStatus.PRECONDITION_FAILED);
            var unversioned = call(HttpMethod.PUT, whys + "/nodes/" + id, member, "{\"answer\": \"Mine\"}");
            assertThat(unversioned).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat((String) JsonPath.read(body(unversioned), "$.errors[0].field"))
                    .isEqualTo("version");

            var put = call(HttpMethod.PUT, whys + "/nodes/" + id, member, "{\"answer\": \"Mine\", \"version\": 1}");
            assertThat(put).hasStatusOk();
            assertThat((String) JsonPath.read(body(put), "$.updatedBy")).isEqualTo(member.displayName());

            var problem = call(
                    HttpMethod.PUT, whys + "/problem", owner, "{\"problem\": \"Checkout failed\", \"version\": 0}");
            assertThat((String) JsonPath.read(body(problem), "$.problem")).isEqualTo("Checkout failed");
            assertThat(call(HttpMethod.PUT, whys + "/problem", member, "{\"problem\": \"Other\", \"version\": 0}"))
                    .hasStatus(HttpStatus.CONFLICT);
        }

        @Test
        void deletingAnAnswerTakesItsSubtree() throws Exception {
            long top = add(null, "The payment service timed out");
            long below = add(top, "The pool was exhausted");
            add(below, "It was sized for last year");
            var removed = call(HttpMethod.DELETE, whys + "/nodes/" + top, owner, null);
            assertThat(removed).hasStatusOk();
            assertThat((Integer) JsonPath.read(body(removed), "$.removed")).isEqualTo(3);
            assertThat(call(HttpMethod.GET, whys + "/nodes/" + below, owner, null))
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
    }

    @Nested
    @DisplayName("Votes, the chosen path and action items")
    class Decisions {

        @Test
        void votesPastTheBudgetAreAConflictThatSaysWhy() throws Exception {
            long a = add(null, "One");
            long b = add(null, "Two");
            call(HttpMethod.POST, whys + "/nodes/" + a + "/votes", member, null);
            var second = call(HttpMethod.POST, whys + "/nodes/" + a + "/votes", member, null);
            assertThat((Integer) JsonPath.read(body(second), "$.myVotes")).isEqualTo(2);
            var third = call(HttpMethod.POST, whys + "/nodes/" + a + "/votes", member, null);
            assertThat(third).hasStatus(HttpStatus.CONFLICT);
            assertThat((String) JsonPath.read(body(third), "$.detail"))
                    .isEqualTo("You have given this answer 2 votes, the most one person may give one answer.");
            call(HttpMethod.POST, whys + "/nodes/" + b + "/votes", member, null);
            var fourth = call(HttpMethod.POST, whys + "/nodes/" + b + "/votes", member, null);
            assertThat((String) JsonPath.read(body(fourth), "$.detail")).contains("used all 3 of your votes");

            var withdrawn = call(HttpMethod.DELETE, whys + "/nodes/" + a + "/votes", member, null);
            assertThat(withdrawn).hasStatusOk();
            assertThat((Integer) JsonPath.read(body(withdrawn), "$.votesLeft")).isEqualTo(1);
            assertThat(call(HttpMethod.POST, whys + "/nodes/" + a + "/votes", viewer, null))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }

        @Test
        void onlyTheOwnerChoosesThePath() throws Exception {
            long a = add(null, "One");
            long b = add(a, "Two");
            assertThat(call(HttpMethod.POST, whys + "/nodes/" + b + "/choose", member, null))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(call(HttpMethod.POST, whys + "/nodes/" + b + "/choose", owner, null))
                    .hasStatusOk();
            String tree = body(call(HttpMethod.GET, whys, viewer, null));
            assertThat((List<List<Integer>>) JsonPath.read(tree, "$.chosenPaths"))
                    .containsExactly(List.of((int) a, (int) b));
            assertThat(call(HttpMethod.POST, whys + "/nodes/" + b + "/unchoose", owner, null))
                    .hasStatusOk();
            assertThat((List<?>) JsonPath.read(body(call(HttpMethod.GET, whys, viewer, null)), "$.chosenPaths"))
                    .isEmpty();
        }

        @Test
        void anAnswerBecomesAnActionItemOfThePostmortem() throws Exception {
            long a = add(null, "Nobody was paged for pool saturation");
            var missingOwner = call(HttpMethod.POST, whys + "/nodes/" + a + "/action", member, "{}");
            assertThat((String) JsonPath.read(body(missingOwner), "$.errors[0].field"))
                    .isEqualTo("ownerId");
            var made = call(
                    HttpMethod.POST,
                    whys + "/nodes/" + a + "/action",
                    member,
                    "{\"ownerId\": " + member.id() + ", \"dueDate\": \""
                            + LocalDate.now().plusDays(10)
                            + "\", \"type\": \"detect\", \"verification\": \"A saturation pages within 5 minutes\"}");
            assertThat(made).hasStatus(HttpStatus.CREATED);
            long actionId = ((Number) JsonPath.read(body(made), "$.actionId")).longValue();
            assertThat(made.getResponse().getHeader("Location")).isEqualTo("/api/v1/actions/" + actionId);
            String items = body(call(HttpMethod.GET, "/api/v1/postmortems/" + pm + "/actions", viewer, null));
            assertThat((List<String>) JsonPath.read(items, "$[*].title"))
                    .containsExactly("Nobody was paged for pool saturation");
            assertThat((String) JsonPath.read(items, "$[0].description"))
                    .contains("/postmortems/" + pm + "/whys/nodes/" + a);
        }
    }

    @Nested
    @DisplayName("Contributing factors")
    class Factors {

        @Test
        void anAnswerIsMarkedAndAFactorWrittenDirectlyThenBothAreFoundAcrossPostmortems() throws Exception {
            long a = add(null, "The pool was sized for last year");
            var marked = call(
                    HttpMethod.PUT,
                    whys + "/nodes/" + a + "/factor",
                    owner,
                    "{\"category\": \"capacity\", \"note\": \"\"}");
            assertThat(marked).hasStatusOk();
            assertThat((String) JsonPath.read(body(marked), "$.statement"))
                    .isEqualTo("The pool was sized for last year");
            var direct = call(
                    HttpMethod.POST,
                    "/api/v1/postmortems/" + pm + "/factors",
                    owner,
                    "{\"statement\": \"Nobody owned the pool settings\", \"category\": \"Process\"}");
            assertThat(direct).hasStatus(HttpStatus.CREATED);
            long factorId = ((Number) JsonPath.read(body(direct), "$.id")).longValue();

            String list = body(call(HttpMethod.GET, "/api/v1/postmortems/" + pm + "/factors", viewer, null));
            assertThat((List<String>) JsonPath.read(list, "$[*].category.name")).containsExactly("Capacity", "Process");
            assertThat((List<Object>) JsonPath.read(list, "$[*].nodeId")).containsExactly((int) a, null);

            String search = body(call(HttpMethod.GET, "/api/v1/factors?category=Capacity&team=" + team, viewer, null));
            assertThat((List<String>) JsonPath.read(search, "$.factors[*].statement"))
                    .containsExactly("The pool was sized for last year");
            assertThat((List<Integer>) JsonPath.read(search, "$.counts[?(@.category == 'Process')].count"))
                    .containsExactly(1);
            var badFilter = call(HttpMethod.GET, "/api/v1/factors?severity=SEV9&from=yesterday", viewer, null);
            assertThat(badFilter).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat((List<String>) JsonPath.read(body(badFilter), "$.errors[*].field"))
                    .containsExactly("severity", "from");

            assertThat(call(
                            HttpMethod.PUT,
                            "/api/v1/postmortems/" + pm + "/factors/" + factorId,
                            member,
                            "{\"note\": \"late\", \"version\": 7}"))
                    .hasStatus(HttpStatus.CONFLICT);
            assertThat(call(HttpMethod.DELETE, "/api/v1/postmortems/" + pm + "/factors/" + factorId, member, null))
                    .hasStatus(HttpStatus.NO_CONTENT);
            assertThat(call(HttpMethod.DELETE, whys + "/nodes/" + a + "/factor", member, null))
                    .hasStatus(HttpStatus.NO_CONTENT);
            assertThat((List<?>) JsonPath.read(
                            body(call(HttpMethod.GET, "/api/v1/postmortems/" + pm + "/factors", viewer, null)), "$"))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("Settings and taxonomy")
    class Settings {

        @Test
        void adminsChangeTheBudgetWithinItsRange() throws Exception {
            assertThat((Integer) JsonPath.read(
                            body(call(HttpMethod.GET, "/api/v1/why-settings", viewer, null)), "$.perNode"))
                    .isEqualTo(2);
            assertThat(call(HttpMethod.PUT, "/api/v1/why-settings", member, "{\"perPerson\": 5}"))
                    .hasStatus(HttpStatus.FORBIDDEN);
            var refused = call(HttpMethod.PUT, "/api/v1/why-settings", null, "{\"perPerson\": 2, \"perNode\": 3}");
            assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat((String) JsonPath.read(body(refused), "$.errors[0].field"))
                    .isEqualTo("perNode");
            assertThat((String) JsonPath.read(body(refused), "$.errors[0].message"))
                    .isEqualTo("cannot be more than the votes per person (2)");
            assertThat((List<String>) JsonPath.read(
                            body(call(
                                    HttpMethod.PUT,
                                    "/api/v1/why-settings",
                                    null,
                                    "{\"perPerson\": 0, \"perNode\": 11}")),
                            "$.errors[*].field"))
                    .containsExactly("perPerson", "perNode");
            try {
                var changed = call(HttpMethod.PUT, "/api/v1/why-settings", null, "{\"perPerson\": 5, \"perNode\": 3}");
                assertThat(changed).hasStatusOk();
                assertThat((Integer) JsonPath.read(body(call(HttpMethod.GET, whys, member, null)), "$.votesLeft"))
                        .isEqualTo(5);
            } finally {
                call(HttpMethod.PUT, "/api/v1/why-settings", null, "{\"perPerson\": 3, \"perNode\": 2}");
            }
        }

        @Test
        void adminsAddRenameAndRetireCategories() throws Exception {
            String name = "Vendor " + UUID.randomUUID().toString().substring(0, 6);
            assertThat(call(HttpMethod.POST, "/api/v1/factor-categories", member, "{\"name\": \"" + name + "\"}"))
                    .hasStatus(HttpStatus.FORBIDDEN);
            var added = call(HttpMethod.POST, "/api/v1/factor-categories", null, "{\"name\": \"" + name + "\"}");
            assertThat(added).hasStatus(HttpStatus.CREATED);
            long id = ((Number) JsonPath.read(body(added), "$.id")).longValue();
            assertThat(call(
                            HttpMethod.POST,
                            "/api/v1/factor-categories",
                            null,
                            "{\"name\": \"" + name.toUpperCase() + "\"}"))
                    .hasStatus(HttpStatus.BAD_REQUEST);
            var retired = call(
                    HttpMethod.PUT,
                    "/api/v1/factor-categories/" + id,
                    null,
                    "{\"name\": \"" + name + " contracts\", \"retired\": true}");
            assertThat((String) JsonPath.read(body(retired), "$.name")).isEqualTo(name + " contracts");
            assertThat((Boolean) JsonPath.read(body(retired), "$.retired")).isTrue();
            String all = body(call(HttpMethod.GET, "/api/v1/factor-categories", viewer, null));
            assertThat((List<Boolean>) JsonPath.read(all, "$[?(@.id == " + id + ")].retired"))
                    .containsExactly(true);
            var refused = call(
                    HttpMethod.POST,
                    "/api/v1/postmortems/" + pm + "/factors",
                    owner,
                    "{\"statement\": \"The vendor changed\", \"categoryId\": " + id + "}");
            assertThat((String) JsonPath.read(body(refused), "$.errors[0].message"))
                    .contains("is retired");
        }
    }
}
