package org.kintsugi.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.analysis.account.AccountFixtures;
import org.kintsugi.analysis.account.AccountManagement;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.review.PostmortemReview;
import org.kintsugi.postmortem.template.TemplateCatalogue;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The personal account API: writing one's own account, its privacy while a draft, sharing it. */
@KintsugiAppTest
class AccountApiTests {

    static final String ACCOUNT = """
            {"narrative": "I was on call and saw the checkout alert first.",
             "entries": [{"at": "2026-11-19T14:05:00Z", "kind": "observed", "text": "Checkout error rate at 30%"}]}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    PostmortemReview review;

    @Autowired
    TemplateCatalogue templates;

    @Autowired
    AccountManagement accounts;

    UserView owner;
    UserView writer;
    long pm;

    @BeforeEach
    void postmortem() {
        owner = people.member();
        writer = people.member();
        pm = AccountFixtures.postmortem(incidents, postmortems, templates, owner, "Checkout errors", null);
    }

    String accounts() {
        return "/api/v1/postmortems/" + pm + "/accounts";
    }

    MvcTestResult call(HttpMethod method, String uri, UserView as, @Nullable String json, String... headers) {
        var request = mvc.method(method).uri(uri).with(httpBasic(as.email(), TestPeople.PASSWORD));
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

    long started(UserView as, String json) throws Exception {
        MvcTestResult created = call(HttpMethod.POST, accounts(), as, json);
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return ((Number) JsonPath.read(body(created), "$.id")).longValue();
    }

    @Nested
    @DisplayName("Writing one's own account")
    class Writing {

        @Test
        void startChangeAddAnEntryAndShare() throws Exception {
            MvcTestResult created = call(HttpMethod.POST, accounts(), writer, ACCOUNT);
            assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader(HttpHeaders.ETAG, "\"0\"");
            long id = ((Number) JsonPath.read(body(created), "$.id")).longValue();
            assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(accounts() + "/" + id);
            assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("draft");
            assertThat(created).bodyJson().extractingPath("$.authorName").isEqualTo(writer.displayName());
            assertThat(created).bodyJson().extractingPath("$.entries[0].kind").isEqualTo("observed");

            MvcTestResult changed = call(
                    HttpMethod.PUT,
                    accounts() + "/" + id,
                    writer,
                    "{\"narrative\": \"I was on call. The alert came at 14:05.\"}",
                    "If-Match",
                    "\"0\"");
            assertThat(changed).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"1\"");
            assertThat(changed)
                    .bodyJson()
                    .extractingPath("$.narrative")
                    .isEqualTo("I was on call. The alert came at 14:05.");

            MvcTestResult entry = call(
                    HttpMethod.POST,
                    accounts() + "/" + id + "/entries",
                    writer,
                    "{\"at\": \"2026-11-19T15:05:00+01:00\", \"kind\": \"did\", \"text\": \"Rolled back the config\"}");
            assertThat(entry).hasStatus(HttpStatus.CREATED).hasHeader(HttpHeaders.ETAG, "\"2\"");
            assertThat(entry).bodyJson().extractingPath("$.id").isEqualTo(2);
            assertThat(entry.getResponse().getHeader(HttpHeaders.LOCATION))
                    .isEqualTo(accounts() + "/" + id + "/entries/2");

            MvcTestResult revised = call(
                    HttpMethod.PUT,
                    accounts() + "/" + id + "/entries/2",
                    writer,
                    "{\"at\": \"2026-11-19T14:07:00Z\", \"kind\": \"did\", \"text\": \"Rolled back the config push\"}",
                    "If-Match",
                    "\"2\"");
            assertThat(revised).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"3\"");

            MvcTestResult shared = call(HttpMethod.POST, accounts() + "/" + id + "/share", writer, null);
            assertThat(shared).hasStatusOk();
            assertThat(shared).bodyJson().extractingPath("$.status").isEqualTo("shared");
            assertThat(shared)
                    .bodyJson()
                    .extractingPath("$.entries[*].text")
                    .asArray()
                    .containsExactly("Checkout error rate at 30%", "Rolled back the config push");

            MvcTestResult removed = call(HttpMethod.DELETE, accounts() + "/" + id + "/entries/1", writer, null);
            assertThat(removed).hasStatus(HttpStatus.NO_CONTENT);
            assertThat(call(HttpMethod.GET, accounts() + "/" + id + "/entries", writer, null))
                    .bodyJson()
                    .extractingPath("$[*].text")
                    .asArray()
                    .containsExactly("Rolled back the config push");
        }

        @Test
        void aStaleVersionIsRefusedWith412AndChangesNothing() throws Exception {
            long id = started(writer, ACCOUNT);
            assertThat(call(
                            HttpMethod.PUT,
                            accounts() + "/" + id,
                            writer,
                            "{\"narrative\": \"First\"}",
                            "If-Match",
                            "\"0\""))
                    .hasStatusOk();

            MvcTestResult stale = call(
                    HttpMethod.PUT, accounts() + "/" + id, writer, "{\"narrative\": \"Second\"}", "If-Match", "\"0\"");

            assertThat(stale).hasStatus(HttpStatus.PRECONDITION_FAILED).hasHeader(HttpHeaders.ETAG, "\"1\"");
            assertThat(stale.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(stale).bodyJson().extractingPath("$.currentVersion").isEqualTo(1);
            assertThat(accounts.find(pm, id, writer.id()).narrative()).isEqualTo("First");
            assertThat(call(HttpMethod.PUT, accounts() + "/" + id, writer, "{\"narrative\": \"Third\"}"))
                    .hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        }

        @Test
        void everyBadFieldIsNamedAndNothingIsSaved() throws Exception {
            MvcTestResult refused = call(HttpMethod.POST, accounts(), writer, """
                    {"narrative": "Fine",
                     "entries": [{"at": "2026-11-19T14:05:00Z", "kind": "observed", "text": "Fine"},
                                 {"at": "yesterday", "kind": "guessed", "text": " "}]}""");

            assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(refused.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            List<String> fields = JsonPath.read(body(refused), "$.errors[*].field");
            assertThat(fields).containsExactlyInAnyOrder("entries[1].at", "entries[1].kind", "entries[1].text");
            assertThat((List<String>) JsonPath.read(body(refused), "$.errors[?(@.field == 'entries[1].kind')].message"))
                    .singleElement()
                    .asString()
                    .contains("did, observed, expected, assumed, understood");
            assertThat(accounts.mine(pm, writer.id())).isEmpty();

            long id = started(writer, ACCOUNT);
            MvcTestResult badEntry = call(
                    HttpMethod.POST,
                    accounts() + "/" + id + "/entries",
                    writer,
                    "{\"kind\": \"did\", \"text\": \"x\"}");
            assertThat(badEntry).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(badEntry).bodyJson().extractingPath("$.errors[0].field").isEqualTo("at");
            MvcTestResult tooLong = call(
                    HttpMethod.PUT,
                    accounts() + "/" + id,
                    writer,
                    "{\"narrative\": \"" + "a".repeat(100_001) + "\"}",
                    "If-Match",
                    "\"0\"");
            assertThat(tooLong).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(tooLong).bodyJson().extractingPath("$.errors[0].field").isEqualTo("narrative");
            assertThat(accounts.find(pm, id, writer.id()))
                    .satisfies(a -> assertThat(a.version()).isZero())
                    .satisfies(a -> assertThat(a.entries()).hasSize(1));
        }

        @Test
        void onePersonWritesOneAccountOfAPostmortem() throws Exception {
            started(writer, ACCOUNT);
            MvcTestResult second = call(HttpMethod.POST, accounts(), writer, ACCOUNT);
            assertThat(second).hasStatus(HttpStatus.CONFLICT);
            assertThat(second).bodyJson().extractingPath("$.detail").asString().contains("already have an account");
        }

        @Test
        void aDraftCanBeDeletedAndASharedOneOnlyOnceTakenBack() throws Exception {
            long id = started(writer, ACCOUNT);
            call(HttpMethod.POST, accounts() + "/" + id + "/share", writer, null);
            assertThat(call(HttpMethod.DELETE, accounts() + "/" + id, writer, null))
                    .hasStatus(HttpStatus.CONFLICT);
            assertThat(call(HttpMethod.POST, accounts() + "/" + id + "/unshare", writer, null))
                    .bodyJson()
                    .extractingPath("$.status")
                    .isEqualTo("draft");
            assertThat(call(HttpMethod.DELETE, accounts() + "/" + id, writer, null))
                    .hasStatus(HttpStatus.NO_CONTENT);
            assertThat(accounts.mine(pm, writer.id())).isEmpty();
        }

        @Test
        void aSharedAccountChangesOnlyWhileThePostmortemIsADraft() throws Exception {
            long id = started(writer, ACCOUNT);
            UserView late = people.member();
            long other = started(late, ACCOUNT);
            call(HttpMethod.POST, accounts() + "/" + id + "/share", writer, null);
            PostmortemView p = postmortems.find(pm);
            for (PostmortemView.Section s : p.missing()) {
                postmortems.write(pm, s.key(), s.version(), "Written.", owner.displayName());
            }
            review.submit(pm, AccountFixtures.as(owner));

            var refused = call(HttpMethod.POST, accounts() + "/" + id + "/unshare", writer, null);
            assertThat(refused).hasStatus(HttpStatus.CONFLICT);
            assertThat(refused)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .asString()
                    .contains("The postmortem is in review", "only while the postmortem is a draft");
            assertThat(call(
                            HttpMethod.PUT,
                            accounts() + "/" + id,
                            writer,
                            "{\"narrative\": \"x\"}",
                            "If-Match",
                            "\"1\""))
                    .hasStatus(HttpStatus.CONFLICT);
            // A draft is private, so its writer goes on writing it whatever the postmortem's state.
            var entry = "{\"at\": \"2026-11-19T14:20:00Z\", \"kind\": \"assumed\", \"text\": \"The push was staged\"}";
            assertThat(call(HttpMethod.POST, accounts() + "/" + other + "/entries", late, entry))
                    .hasStatus(HttpStatus.CREATED);
            assertThat(call(HttpMethod.POST, accounts() + "/" + other + "/share", late, null))
                    .hasStatus(HttpStatus.CONFLICT);
        }
    }

    @Nested
    @DisplayName("A draft is its writer's alone")
    class Privacy {

        @Test
        void nobodyElseFindsADraftNeitherThePostmortemsOwnerNorAnAdministrator() throws Exception {
            long id = started(writer, ACCOUNT);
            for (UserView other : List.of(owner, people.add(Role.ADMIN), people.member(), people.viewer())) {
                MvcTestResult read = call(HttpMethod.GET, accounts() + "/" + id, other, null);
                assertThat(read).as(other.role() + " reading").hasStatus(HttpStatus.NOT_FOUND);
                assertThat(body(read)).doesNotContain("on call");
                assertThat(call(HttpMethod.GET, accounts() + "/" + id + "/entries", other, null))
                        .hasStatus(HttpStatus.NOT_FOUND);
                assertThat(call(HttpMethod.GET, accounts(), other, null))
                        .bodyJson()
                        .extractingPath("$")
                        .asArray()
                        .isEmpty();
                assertThat(body(call(HttpMethod.GET, "/api/v1/postmortems/" + pm + "/timeline", other, null)))
                        .doesNotContain("Checkout error rate at 30%");
                HttpStatus refused = other.role() == Role.VIEWER ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND;
                assertThat(call(HttpMethod.POST, accounts() + "/" + id + "/share", other, null))
                        .hasStatus(refused);
                assertThat(call(
                                HttpMethod.PUT,
                                accounts() + "/" + id,
                                other,
                                "{\"narrative\": \"x\"}",
                                "If-Match",
                                "\"0\""))
                        .hasStatus(refused);
            }
            assertThat(call(HttpMethod.GET, accounts(), writer, null))
                    .bodyJson()
                    .extractingPath("$[*].id")
                    .asArray()
                    .containsExactly((int) id);
            assertThat(body(call(HttpMethod.GET, "/api/v1/postmortems/" + pm + "/timeline", writer, null)))
                    .as("a draft is not on the timeline, not even for its writer")
                    .doesNotContain("Checkout error rate at 30%");
        }

        @Test
        void sharedEveryoneReadsItAndItsEntriesAreOnTheTimelineYetOnlyItsWriterChangesIt() throws Exception {
            long id = started(writer, ACCOUNT);
            call(HttpMethod.POST, accounts() + "/" + id + "/share", writer, null);
            UserView viewer = people.viewer();

            assertThat(call(HttpMethod.GET, accounts() + "/" + id, viewer, null))
                    .hasStatusOk();
            assertThat(call(HttpMethod.GET, accounts(), viewer, null))
                    .bodyJson()
                    .extractingPath("$[*].id")
                    .asArray()
                    .containsExactly((int) id);
            String timeline = body(call(HttpMethod.GET, "/api/v1/postmortems/" + pm + "/timeline", viewer, null));
            List<Map<String, Object>> events = JsonPath.read(timeline, "$.events");
            assertThat(events)
                    .filteredOn(e -> e.get("link") != null)
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e).containsEntry("description", "Checkout error rate at 30%");
                        assertThat(e).containsEntry("label", "Observed");
                        assertThat(e).containsEntry("kind", "observation");
                        assertThat(e).containsEntry("source", writer.displayName() + " (personal account)");
                        assertThat(e).containsEntry("link", "/postmortems/" + pm + "/accounts/" + id + "#entry-1");
                    });

            assertThat(call(
                            HttpMethod.PUT,
                            accounts() + "/" + id,
                            owner,
                            "{\"narrative\": \"x\"}",
                            "If-Match",
                            "\"1\""))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(call(HttpMethod.POST, accounts() + "/" + id + "/unshare", owner, null))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(call(HttpMethod.POST, accounts(), viewer, ACCOUNT)).hasStatus(HttpStatus.FORBIDDEN);

            call(HttpMethod.POST, accounts() + "/" + id + "/unshare", writer, null);
            assertThat(call(HttpMethod.GET, accounts() + "/" + id, viewer, null))
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(body(call(HttpMethod.GET, "/api/v1/postmortems/" + pm + "/timeline", viewer, null)))
                    .doesNotContain("Checkout error rate at 30%");
        }
    }
}
