package org.kintsugi.postmortem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.PostmortemPublished;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@KintsugiAppTest
@RecordApplicationEvents
class PostmortemApiTests {

    static final String OUTAGE = """
            {"title": "Checkout unavailable", "kind": "system", "severity": "SEV2",
             "impact": "EU customers could not pay", "services": ["checkout"], "teams": ["Payments"],
             "startedAt": "2026-11-20T10:00:00Z", "detectedAt": "2026-11-20T10:07:00Z",
             "mitigatedAt": "2026-11-20T10:40:00Z", "resolvedAt": "2026-11-20T11:00:00Z"}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    ApplicationEvents events;

    UserView author;
    UserView reviewer;

    @BeforeEach
    void addPeople() {
        author = people.member();
        reviewer = people.member();
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

    String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    String incident(String json) throws Exception {
        var result = call(HttpMethod.POST, "/api/v1/incidents", author, json);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return JsonPath.read(body(result), "$.key");
    }

    long started(String incidentKey) throws Exception {
        var result = call(HttpMethod.POST, "/api/v1/incidents/" + incidentKey + "/postmortem", author, null);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return ((Number) JsonPath.read(body(result), "$.id")).longValue();
    }

    MvcTestResult write(long id, String key, String body, long version, UserView as) {
        return call(
                HttpMethod.PUT,
                "/api/v1/postmortems/" + id + "/sections/" + key,
                as,
                "{\"body\": " + quote(body) + "}",
                "If-Match",
                "\"" + version + "\"");
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Fill every required section so the postmortem can go to review. */
    void fillRequired(long id) throws Exception {
        String json = body(call(HttpMethod.GET, "/api/v1/postmortems/" + id, author, null));
        List<String> missing = JsonPath.read(json, "$.missing");
        for (String key : missing) {
            assertThat(write(id, key, "Written for " + key + ".", 0, author)).hasStatus(HttpStatus.OK);
        }
    }

    @Nested
    @DisplayName("starting")
    class Starting {

        @Test
        void startsFromTheTemplateTheRulesPickWithTheDueDateFromThePolicy() throws Exception {
            long id = started(incident(OUTAGE));
            String json = body(call(HttpMethod.GET, "/api/v1/postmortems/" + id, author, null));
            assertThat((String) JsonPath.read(json, "$.templateName")).isEqualTo("SRE postmortem");
            assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("draft");
            assertThat((String) JsonPath.read(json, "$.owner.name")).isEqualTo(author.displayName());
            assertThat((String) JsonPath.read(json, "$.dueAt")).isEqualTo("2026-11-21T11:00:00Z");
            List<String> headings = JsonPath.read(json, "$.sections[*].heading");
            assertThat(headings)
                    .containsExactly(
                            "Summary",
                            "Impact",
                            "Root causes",
                            "Trigger",
                            "Detection",
                            "Resolution",
                            "Action items",
                            "Lessons learned",
                            "Timeline",
                            "Supporting information");
        }

        @Test
        void aPeopleIncidentStartsFromTheManagementTemplate() throws Exception {
            String key = incident(OUTAGE.replace("\"system\"", "\"people\""));
            String json = body(call(HttpMethod.GET, "/api/v1/postmortems/" + started(key), author, null));
            assertThat((String) JsonPath.read(json, "$.templateName")).isEqualTo("Management-level incident");
        }

        @Test
        void theAuthorCanChooseAnotherTemplate() throws Exception {
            String templates = body(call(HttpMethod.GET, "/api/v1/templates", author, null));
            List<Integer> ids = JsonPath.read(templates, "$[?(@.name == 'Five whys analysis')].id");
            var result = call(
                    HttpMethod.POST,
                    "/api/v1/incidents/" + incident(OUTAGE) + "/postmortem",
                    author,
                    "{\"templateId\": " + ids.getFirst() + "}");
            assertThat(result).hasStatus(HttpStatus.CREATED);
            assertThat(result).bodyJson().extractingPath("$.templateName").isEqualTo("Five whys analysis");
        }

        @Test
        void refusesASecondPostmortemForTheSameIncident() throws Exception {
            String key = incident(OUTAGE);
            started(key);
            var again = call(HttpMethod.POST, "/api/v1/incidents/" + key + "/postmortem", author, null);
            assertThat(again).hasStatus(HttpStatus.CONFLICT);
            assertThat(again).bodyJson().extractingPath("$.detail").asString().contains("already has a postmortem");
        }
    }

    @Nested
    @DisplayName("writing sections")
    class Writing {

        @Test
        void savesWithIfMatchAndRefusesAStaleVersion() throws Exception {
            long id = started(incident(OUTAGE));
            var first = write(id, "summary", "The checkout was down.", 0, author);
            assertThat(first).hasStatus(HttpStatus.OK);
            assertThat(first).headers().hasValue(HttpHeaders.ETAG, "\"1\"");

            var stale = write(id, "summary", "A different text from a second tab.", 0, reviewer);
            assertThat(stale).hasStatus(HttpStatus.PRECONDITION_FAILED);
            assertThat(stale).bodyJson().extractingPath("$.currentVersion").isEqualTo(1);

            String json = body(call(HttpMethod.GET, "/api/v1/postmortems/" + id, author, null));
            assertThat((List<String>) JsonPath.read(json, "$.sections[?(@.key == 'summary')].body"))
                    .containsExactly("The checkout was down.");
        }

        @Test
        void asksForIfMatch() throws Exception {
            long id = started(incident(OUTAGE));
            var result = call(
                    HttpMethod.PUT, "/api/v1/postmortems/" + id + "/sections/summary", author, "{\"body\": \"x\"}");
            assertThat(result).hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        }

        @Test
        void aViewerCannotWrite() throws Exception {
            long id = started(incident(OUTAGE));
            assertThat(write(id, "summary", "x", 0, people.viewer())).hasStatus(HttpStatus.FORBIDDEN);
        }

        @Test
        void anUnknownSectionIsNotFound() throws Exception {
            long id = started(incident(OUTAGE));
            assertThat(write(id, "no-such-section", "x", 0, author)).hasStatus(HttpStatus.NOT_FOUND);
        }
    }

    @Nested
    @DisplayName("review and publishing")
    class Reviewing {

        @Test
        void submittingWithEmptyRequiredSectionsListsWhatIsMissing() throws Exception {
            long id = started(incident(OUTAGE));
            var result = call(HttpMethod.POST, "/api/v1/postmortems/" + id + "/submit", author, null);
            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
            String json = body(result);
            assertThat((List<String>) JsonPath.read(json, "$.errors[*].field"))
                    .containsExactly(
                            "sections.summary",
                            "sections.impact",
                            "sections.root-causes",
                            "sections.resolution",
                            "sections.action-items");
            assertThat((List<String>) JsonPath.read(json, "$.errors[*].message"))
                    .contains("Summary is required before review");
        }

        @Test
        void theAuthorsOwnApprovalIsRefused() throws Exception {
            long id = started(incident(OUTAGE));
            fillRequired(id);
            assertThat(call(HttpMethod.POST, "/api/v1/postmortems/" + id + "/submit", author, null))
                    .hasStatus(HttpStatus.OK);
            var own = call(HttpMethod.POST, "/api/v1/postmortems/" + id + "/approve", author, "{}");
            assertThat(own).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(own).bodyJson().extractingPath("$.detail").asString().contains("four-eyes");
            assertThat(call(HttpMethod.POST, "/api/v1/postmortems/" + id + "/publish", author, null))
                    .hasStatus(HttpStatus.CONFLICT);
        }

        @Test
        void aCoAuthorCannotApproveEither() throws Exception {
            long id = started(incident(OUTAGE));
            call(
                    HttpMethod.POST,
                    "/api/v1/postmortems/" + id + "/co-authors",
                    author,
                    "{\"userId\": " + reviewer.id() + "}");
            fillRequired(id);
            call(HttpMethod.POST, "/api/v1/postmortems/" + id + "/submit", author, null);
            assertThat(call(HttpMethod.POST, "/api/v1/postmortems/" + id + "/approve", reviewer, "{}"))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }

        @Test
        void requestChangesNeedsACommentAndSendsItBackToDraft() throws Exception {
            long id = started(incident(OUTAGE));
            fillRequired(id);
            call(HttpMethod.POST, "/api/v1/postmortems/" + id + "/submit", author, null);
            var silent = call(HttpMethod.POST, "/api/v1/postmortems/" + id + "/request-changes", reviewer, "{}");
            assertThat(silent).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(silent).bodyJson().extractingPath("$.errors[0].field").isEqualTo("comment");
            var result = call(
                    HttpMethod.POST,
                    "/api/v1/postmortems/" + id + "/request-changes",
                    reviewer,
                    "{\"comment\": \"Quantify the impact, please.\"}");
            assertThat(result).hasStatus(HttpStatus.OK);
            assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("draft");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.changesRequested")
                    .isEqualTo("Quantify the impact, please.");
        }

        @Test
        void approvedByASecondPersonItPublishesKeepsTheRevisionAndAmendsIntoANewOne() throws Exception {
            long id = started(incident(OUTAGE));
            fillRequired(id);
            call(HttpMethod.POST, "/api/v1/postmortems/" + id + "/submit", author, null);
            var approved = call(
                    HttpMethod.POST,
                    "/api/v1/postmortems/" + id + "/approve",
                    reviewer,
                    "{\"checked\": [\"Every action has one owner and a due date.\"], \"comment\": \"Clear.\"}");
            assertThat(approved).bodyJson().extractingPath("$.status").isEqualTo("approved");
            var published = call(HttpMethod.POST, "/api/v1/postmortems/" + id + "/publish", author, null);
            assertThat(published).hasStatus(HttpStatus.OK);
            assertThat(published).bodyJson().extractingPath("$.status").isEqualTo("published");
            assertThat(events.stream(PostmortemPublished.class)).singleElement().satisfies(e -> {
                assertThat(e.postmortemId()).isEqualTo(id);
                assertThat(e.revision()).isEqualTo(1);
                assertThat(e.publishedBy()).isEqualTo(author.displayName());
                assertThat(e.factors()).isEmpty();
            });

            assertThat(write(id, "summary", "Changed after publishing", 1, author))
                    .hasStatus(HttpStatus.CONFLICT);

            var amended = call(HttpMethod.POST, "/api/v1/postmortems/" + id + "/amend", author, null);
            assertThat(amended).bodyJson().extractingPath("$.revision").isEqualTo(2);
            assertThat(amended).bodyJson().extractingPath("$.status").isEqualTo("draft");
            assertThat(write(id, "summary", "The checkout was down for an hour.", 1, author))
                    .hasStatus(HttpStatus.OK);

            String revisions = body(call(HttpMethod.GET, "/api/v1/postmortems/" + id + "/revisions", author, null));
            assertThat((List<Integer>) JsonPath.read(revisions, "$[*].number")).containsExactly(1, 2);
            assertThat((List<Boolean>) JsonPath.read(revisions, "$[*].published"))
                    .containsExactly(true, false);

            String compared = body(
                    call(HttpMethod.GET, "/api/v1/postmortems/" + id + "/revisions/compare?from=1&to=2", author, null));
            assertThat((List<Boolean>) JsonPath.read(compared, "$[?(@.key == 'summary')].changed"))
                    .containsExactly(true);
            assertThat((List<Boolean>) JsonPath.read(compared, "$[?(@.key == 'impact')].changed"))
                    .containsExactly(false);
            assertThat(compared)
                    .contains("<del>Written</del> for <del>summary</del>.")
                    .contains("<ins>an hour</ins>");

            String reviews = body(call(HttpMethod.GET, "/api/v1/postmortems/" + id + "/reviews", author, null));
            assertThat((List<String>) JsonPath.read(reviews, "$[0].checked"))
                    .containsExactly("Every action has one owner and a due date.");
        }

        @Test
        void twoApprovalsWhenThePolicyAsksForTwo() throws Exception {
            UserView admin = people.add(Role.ADMIN);
            assertThat(call(HttpMethod.PUT, "/api/v1/postmortem-policy", admin, "{\"approvalsRequired\": 2}"))
                    .hasStatus(HttpStatus.OK);
            try {
                long id = started(incident(OUTAGE));
                fillRequired(id);
                call(HttpMethod.POST, "/api/v1/postmortems/" + id + "/submit", author, null);
                var first = call(HttpMethod.POST, "/api/v1/postmortems/" + id + "/approve", reviewer, "{}");
                assertThat(first).bodyJson().extractingPath("$.status").isEqualTo("in-review");
                var second = call(HttpMethod.POST, "/api/v1/postmortems/" + id + "/approve", admin, "{}");
                assertThat(second).bodyJson().extractingPath("$.status").isEqualTo("approved");
            } finally {
                call(HttpMethod.PUT, "/api/v1/postmortem-policy", admin, "{\"approvalsRequired\": 1}");
            }
        }
    }

    @Nested
    @DisplayName("the timeline")
    class Timeline {

        @Test
        void showsTheIncidentsMomentsAndWhatPeopleAdd() throws Exception {
            long id = started(incident(OUTAGE));
            var added = call(
                    HttpMethod.POST,
                    "/api/v1/postmortems/" + id + "/timeline",
                    author,
                    "{\"at\": \"2026-11-20T10:05:00Z\", \"description\": \"Error rate alert fired\","
                            + " \"kind\": \"detection\", \"source\": \"Alertmanager\", \"starred\": true}");
            assertThat(added).hasStatus(HttpStatus.CREATED);
            String json = body(call(HttpMethod.GET, "/api/v1/postmortems/" + id + "/timeline", author, null));
            assertThat((List<String>) JsonPath.read(json, "$.events[*].description"))
                    .containsExactly(
                            "The incident started", "Error rate alert fired", "Detected", "Mitigated", "Resolved");
            assertThat((String) JsonPath.read(json, "$.undetected")).isEqualTo("PT7M");
            assertThat((String) JsonPath.read(json, "$.toResolve")).isEqualTo("PT1H");
        }

        @Test
        void aBadEventNamesItsFields() throws Exception {
            long id = started(incident(OUTAGE));
            var result = call(
                    HttpMethod.POST,
                    "/api/v1/postmortems/" + id + "/timeline",
                    author,
                    "{\"at\": \"yesterday\", \"kind\": \"gossip\"}");
            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat((List<String>) JsonPath.read(body(result), "$.errors[*].field"))
                    .containsExactly("at", "kind");
        }

        @Test
        void aTranscriptWithBadLinesIsRefusedLineByLineAndPreviewSavesNothing() throws Exception {
            long id = started(incident(OUTAGE));
            String transcript = "10:02 alice: paged about checkout errors\\nno time on this one\\n"
                    + "10:05 bob: restarted the pods\\n25:99 carol: impossible";
            String uri = "/api/v1/postmortems/" + id + "/timeline/import";
            String request = "{\"text\": \"" + transcript.replace("no time", "10:03 alice: and no time")
                    + "\", \"date\": \"2026-11-20\", \"zone\": \"Europe/Berlin\", \"preview\": true}";
            var preview = call(HttpMethod.POST, uri, author, request);
            assertThat(preview).hasStatus(HttpStatus.OK);
            assertThat((List<String>) JsonPath.read(body(preview), "$.entries[*].at"))
                    .containsExactly("2026-11-20T09:02:00Z", "2026-11-20T09:03:00Z", "2026-11-20T09:05:00Z");
            assertThat((List<Integer>) JsonPath.read(body(preview), "$.problems[*].line"))
                    .containsExactly(4);

            String bad = "{\"text\": \"no time at the start\\n" + transcript
                    + "\", \"date\": \"2026-11-20\", \"zone\": \"Europe/Berlin\"}";
            var refused = call(HttpMethod.POST, uri, author, bad);
            assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
            List<String> messages = JsonPath.read(body(refused), "$.errors[*].message");
            assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("Line 1:"));
            assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("Line 5:"));
            String json = body(call(HttpMethod.GET, "/api/v1/postmortems/" + id + "/timeline", author, null));
            assertThat((List<Boolean>) JsonPath.read(json, "$.events[*].fromIncident"))
                    .containsOnly(true);

            var saved = call(HttpMethod.POST, uri, author, bad.replace("}", ", \"skipUnreadable\": true}"));
            assertThat(saved).hasStatus(HttpStatus.CREATED);
            assertThat(saved).bodyJson().extractingPath("$.saved").isEqualTo(2);
        }

        @Test
        void aTranscriptNeedsADateAndAZone() throws Exception {
            long id = started(incident(OUTAGE));
            var result = call(
                    HttpMethod.POST,
                    "/api/v1/postmortems/" + id + "/timeline/import",
                    author,
                    "{\"text\": \"10:02 alice: hi\", \"date\": \"20.11.\", \"zone\": \"Mars/Olympus\"}");
            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat((List<String>) JsonPath.read(body(result), "$.errors[*].field"))
                    .containsExactly("date", "zone");
        }
    }

    @Nested
    @DisplayName("templates and policy")
    class Templates {

        @Test
        void onlyAdminsChangeTemplatesAndEditingOneLeavesStartedPostmortemsAlone() throws Exception {
            UserView admin = people.add(Role.ADMIN);
            String create = "{\"name\": \"Tiny\", \"sections\": [{\"heading\": \"What happened?\", \"required\": true},"
                    + " {\"heading\": \"Next steps\", \"guidance\": \"Keep it short.\"}]}";
            assertThat(call(HttpMethod.POST, "/api/v1/templates", author, create))
                    .hasStatus(HttpStatus.FORBIDDEN);
            var created = call(HttpMethod.POST, "/api/v1/templates", admin, create);
            assertThat(created).hasStatus(HttpStatus.CREATED);
            int templateId = JsonPath.read(body(created), "$.id");
            assertThat((List<String>) JsonPath.read(body(created), "$.sections[*].key"))
                    .containsExactly("what-happened", "next-steps");

            var started = call(
                    HttpMethod.POST,
                    "/api/v1/incidents/" + incident(OUTAGE) + "/postmortem",
                    author,
                    "{\"templateId\": " + templateId + "}");
            long id = ((Number) JsonPath.read(body(started), "$.id")).longValue();

            String changed = "{\"name\": \"Tiny\", \"sections\": [{\"heading\": \"Story\"}]}";
            assertThat(call(HttpMethod.PUT, "/api/v1/templates/" + templateId, admin, changed, "If-Match", "\"0\""))
                    .hasStatus(HttpStatus.OK);
            String json = body(call(HttpMethod.GET, "/api/v1/postmortems/" + id, author, null));
            assertThat((List<String>) JsonPath.read(json, "$.sections[*].heading"))
                    .containsExactly("What happened?", "Next steps");
        }

        @Test
        void aTemplateWithProblemsNamesEachField() throws Exception {
            UserView admin = people.add(Role.ADMIN);
            var result = call(
                    HttpMethod.POST,
                    "/api/v1/templates",
                    admin,
                    "{\"name\": \"\", \"sections\": [{\"heading\": \"\"}, {\"heading\": \"A\"}, {\"heading\": \"a\"}]}");
            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat((List<String>) JsonPath.read(body(result), "$.errors[*].field"))
                    .containsExactly("name", "sections[0].heading", "sections[2].heading");
        }

        @Test
        void aRetiredTemplateCannotBeChosen() throws Exception {
            UserView admin = people.add(Role.ADMIN);
            var created = call(
                    HttpMethod.POST,
                    "/api/v1/templates",
                    admin,
                    "{\"name\": \"Old\", \"sections\": [{\"heading\": \"Story\"}]}");
            int templateId = JsonPath.read(body(created), "$.id");
            assertThat(call(HttpMethod.POST, "/api/v1/templates/" + templateId + "/retire", admin, null))
                    .hasStatus(HttpStatus.OK);
            var refused = call(
                    HttpMethod.POST,
                    "/api/v1/incidents/" + incident(OUTAGE) + "/postmortem",
                    author,
                    "{\"templateId\": " + templateId + "}");
            assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("templateId");
        }

        @Test
        void theDuePolicyIsReadByEveryoneAndChangedByAdmins() throws Exception {
            String json = body(call(HttpMethod.GET, "/api/v1/postmortem-policy", author, null));
            assertThat((List<String>) JsonPath.read(json, "$.duePolicies[*].rule"))
                    .containsExactly("hours", "hours", "working_days", "not_required");
            assertThat(call(HttpMethod.PUT, "/api/v1/postmortem-policy", author, "{}"))
                    .hasStatus(HttpStatus.FORBIDDEN);
            UserView admin = people.add(Role.ADMIN);
            var bad = call(
                    HttpMethod.PUT,
                    "/api/v1/postmortem-policy",
                    admin,
                    "{\"duePolicies\": [{\"severity\": \"SEV3\", \"rule\": \"hours\", \"amount\": 0}]}");
            assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(bad).bodyJson().extractingPath("$.errors[0].field").isEqualTo("duePolicies[0].amount");
        }
    }
}
