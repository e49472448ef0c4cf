package org.kintsugi.action.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
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

@KintsugiAppTest
class ActionApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    UserView pmOwner;
    UserView member;
    long postmortemId;
    String due = LocalDate.now(ZoneOffset.UTC).plusDays(14).toString();

    @BeforeEach
    void postmortem() {
        pmOwner = people.member();
        member = people.member();
        String key = incidents
                .declare(
                        new IncidentDetails(
                                "Config push broke checkout",
                                "",
                                IncidentKind.SYSTEM,
                                Severity.SEV2,
                                "EU checkouts failed.",
                                null,
                                List.of(),
                                List.of("Payments"),
                                Instant.parse("2026-11-19T10:00:00Z"),
                                null,
                                null,
                                null,
                                Instant.parse("2026-11-19T11:00:00Z")),
                        pmOwner.displayName())
                .key();
        postmortemId = postmortems
                .start(key, null, new Author(pmOwner.id(), pmOwner.displayName()))
                .id();
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

    String proposal(String title, @Nullable Long parentId) {
        return """
                {"title": "%s", "ownerId": %d, "dueDate": "%s", "priority": "P2", "type": "prevent",
                 "verification": "No push reaches two regions at once", "parentId": %s}""".formatted(title, member.id(), due, parentId);
    }

    long proposed(String title, @Nullable Long parentId) throws Exception {
        var result = call(
                HttpMethod.POST, "/api/v1/postmortems/" + postmortemId + "/actions", member, proposal(title, parentId));
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    @Test
    void aTeamAloneCannotOwnAnItemAndEveryProblemIsNamed() throws Exception {
        var result = call(
                HttpMethod.POST,
                "/api/v1/postmortems/" + postmortemId + "/actions",
                member,
                "{\"title\": \"\", \"team\": \"Payments\", \"dueDate\": \"2020-01-01\", \"type\": \"prevent\"}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        String json = result.getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(json, "$.errors[*].field"))
                .containsExactlyInAnyOrder("title", "verification", "dueDate", "ownerId");
        assertThat((List<String>) JsonPath.read(json, "$.errors[?(@.field == 'ownerId')].message"))
                .singleElement()
                .asString()
                .startsWith("a team cannot own an action item");
    }

    @Test
    void aProposalSoaksBeforeAnyoneButThePostmortemOwnerMayCommitIt() throws Exception {
        long id = proposed("Stage config pushes by region", null);
        var early = call(HttpMethod.POST, "/api/v1/actions/" + id + "/commit", member, "{}");
        assertThat(early).hasStatus(HttpStatus.CONFLICT);
        assertThat(early).bodyJson().extractingPath("$.detail").asString().contains("still soaking");
        var noReason = call(HttpMethod.POST, "/api/v1/actions/" + id + "/commit", pmOwner, "{}");
        assertThat(noReason).hasStatus(HttpStatus.BAD_REQUEST);
        var committed = call(
                HttpMethod.POST,
                "/api/v1/actions/" + id + "/commit",
                pmOwner,
                "{\"reason\": \"The same push goes out again on Monday.\"}");
        assertThat(committed).hasStatus(HttpStatus.OK);
        assertThat(committed).bodyJson().extractingPath("$.status").isEqualTo("COMMITTED");
        assertThat(committed)
                .bodyJson()
                .extractingPath("$.earlyCommitReason")
                .isEqualTo("The same push goes out again on Monday.");
    }

    @Test
    void itemsGoThroughTheirLifeAndEveryStepIsInTheHistory() throws Exception {
        long id = proposed("Stage config pushes by region", null);
        call(HttpMethod.POST, "/api/v1/actions/" + id + "/commit", pmOwner, "{\"reason\": \"Urgent.\"}");
        assertThat(call(HttpMethod.POST, "/api/v1/actions/" + id + "/start", member, null))
                .hasStatusOk();
        var done = call(HttpMethod.POST, "/api/v1/actions/" + id + "/complete", member, null);
        assertThat(done)
                .bodyJson()
                .extractingPath("$.verifyBy")
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        var missing = call(HttpMethod.POST, "/api/v1/actions/" + id + "/verify", member, "{\"effective\": false}");
        assertThat(missing).hasStatus(HttpStatus.BAD_REQUEST);
        var reopened = call(
                HttpMethod.POST,
                "/api/v1/actions/" + id + "/verify",
                member,
                "{\"effective\": false, \"evidence\": \"A push hit two regions on 2 December.\", \"reopen\": true}");
        assertThat(reopened).bodyJson().extractingPath("$.status").isEqualTo("IN_PROGRESS");
        var history = call(HttpMethod.GET, "/api/v1/actions/" + id + "/history", member, null);
        assertThat((List<String>) JsonPath.read(history.getResponse().getContentAsString(), "$[*].what"))
                .containsExactly("proposed", "committed", "started", "done", "verified not effective", "reopened");
        var dropped = call(HttpMethod.POST, "/api/v1/actions/" + id + "/drop", member, "{\"reason\": \"\"}");
        assertThat(dropped).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(dropped).bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
    }

    @Test
    void subStepsRollUpIntoTheirParent() throws Exception {
        long parent = proposed("Stage config pushes by region", null);
        long first = proposed("Add a region flag to the push tool", parent);
        proposed("Document the staged rollout", parent);
        call(HttpMethod.POST, "/api/v1/actions/" + first + "/commit", pmOwner, "{\"reason\": \"Small and safe.\"}");
        call(HttpMethod.POST, "/api/v1/actions/" + first + "/complete", member, null);
        var view = call(HttpMethod.GET, "/api/v1/actions/" + parent, member, null);
        assertThat(view).bodyJson().extractingPath("$.progress.done").isEqualTo(1);
        assertThat(view).bodyJson().extractingPath("$.progress.total").isEqualTo(2);
        var list = call(HttpMethod.GET, "/api/v1/postmortems/" + postmortemId + "/actions", member, null);
        assertThat((List<String>) JsonPath.read(list.getResponse().getContentAsString(), "$[*].title"))
                .containsExactly(
                        "Stage config pushes by region",
                        "Add a region flag to the push tool",
                        "Document the staged rollout");
    }

    @Test
    void aPatchNeedsIfMatchAndAStaleOneChangesNothing() throws Exception {
        long id = proposed("Stage config pushes by region", null);
        assertThat(call(HttpMethod.PATCH, "/api/v1/actions/" + id, member, "{\"title\": \"x\"}"))
                .hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        var changed = call(
                HttpMethod.PATCH,
                "/api/v1/actions/" + id,
                member,
                "{\"title\": \"Stage every config push by region\"}",
                "If-Match",
                "\"0\"");
        assertThat(changed).hasStatusOk();
        assertThat(changed)
                .bodyJson()
                .extractingPath("$.verification")
                .isEqualTo("No push reaches two regions at once");
        var stale =
                call(HttpMethod.PATCH, "/api/v1/actions/" + id, member, "{\"title\": \"Other\"}", "If-Match", "\"0\"");
        assertThat(stale).hasStatus(HttpStatus.PRECONDITION_FAILED);
        assertThat(call(HttpMethod.GET, "/api/v1/actions/" + id, member, null))
                .bodyJson()
                .extractingPath("$.title")
                .isEqualTo("Stage every config push by region");
    }

    @Test
    void listsFilterByOwnerStatusAndDueDate() throws Exception {
        long id = proposed("Stage config pushes by region", null);
        var mine = call(HttpMethod.GET, "/api/v1/actions?owner=me&status=proposed", member, null);
        assertThat((List<Integer>) JsonPath.read(mine.getResponse().getContentAsString(), "$[*].id"))
                .contains((int) id);
        var others = call(HttpMethod.GET, "/api/v1/actions?owner=me", pmOwner, null);
        assertThat((List<Integer>) JsonPath.read(others.getResponse().getContentAsString(), "$[*].id"))
                .doesNotContain((int) id);
        var bad = call(HttpMethod.GET, "/api/v1/actions?status=someday&dueFrom=soon", member, null);
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) JsonPath.read(bad.getResponse().getContentAsString(), "$.errors[*].field"))
                .containsExactly("status", "dueFrom");
    }

    @Test
    void thePostmortemPageAndItsExportShowTheItems() throws Exception {
        var proposed = mvc.post()
                .uri("/postmortems/" + postmortemId + "/actions")
                .with(user(KintsugiPrincipal.of(member)))
                .with(csrf())
                .param("title", "Alert on config pushes that reach two regions")
                .param("ownerId", String.valueOf(member.id()))
                .param("dueDate", due)
                .param("priority", "P1")
                .param("type", "DETECT")
                .param("verification", "The alert fires in the next game day")
                .exchange();
        assertThat(proposed).hasStatus(HttpStatus.FOUND);
        var page = mvc.get()
                .uri("/postmortems/" + postmortemId)
                .with(user(KintsugiPrincipal.of(pmOwner)))
                .exchange();
        assertThat(page.getResponse().getContentAsString())
                .contains("Alert on config pushes that reach two regions")
                .contains("soaking until")
                .contains("Commit early");
        var markdown =
                call(HttpMethod.GET, "/api/v1/postmortems/" + postmortemId + "/export?format=markdown", member, null);
        assertThat(markdown.getResponse().getContentAsString())
                .contains("| Alert on config pushes that reach two regions | " + member.displayName() + " | " + due
                        + " | P1 | detect | Proposed | The alert fires in the next game day |");
        var refused = mvc.post()
                .uri("/postmortems/" + postmortemId + "/actions")
                .with(user(KintsugiPrincipal.of(member)))
                .with(csrf())
                .param("title", "No owner")
                .param("dueDate", due)
                .param("type", "DETECT")
                .param("verification", "x")
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.FOUND);
        assertThat((String) refused.getMvcResult().getFlashMap().get("problem")).contains("ownerId: is required");
    }

    @Test
    void structuredItemsFillTheActionItemsSectionForReview() throws Exception {
        var postmortem = postmortems.find(postmortemId);
        for (var section : postmortem.missing()) {
            if (!section.key().equals("action-items")) {
                postmortems.write(postmortemId, section.key(), 0, "Written.", pmOwner.displayName());
            }
        }
        var refused = call(HttpMethod.POST, "/api/v1/postmortems/" + postmortemId + "/submit", pmOwner, null);
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat((List<String>) JsonPath.read(refused.getResponse().getContentAsString(), "$.errors[*].field"))
                .containsExactly("sections.action-items");
        proposed("Stage config pushes by region", null);
        var submitted = call(HttpMethod.POST, "/api/v1/postmortems/" + postmortemId + "/submit", pmOwner, null);
        assertThat(submitted).hasStatusOk();
        assertThat(submitted).bodyJson().extractingPath("$.status").isEqualTo("in-review");
    }

    @Test
    void theListOpensOnEveryonesOpenItemsForSomeoneWithNoneOfTheirOwn() throws Exception {
        proposed("Rotate the signing key before it expires", null);
        UserView newcomer = people.member();
        var landing = mvc.get()
                .uri("/actions")
                .with(user(KintsugiPrincipal.of(newcomer)))
                .exchange();
        assertThat(landing).hasStatusOk();
        assertThat(landing.getResponse().getContentAsString())
                .contains("You have no open items — showing everyone's open items.")
                .contains("My actions (none open)")
                .contains("Rotate the signing key before it expires")
                .contains("<option value=\"anyone\" selected=\"selected\">Anyone</option>");
        var mineAsked = mvc.get()
                .uri("/actions?owner=me")
                .with(user(KintsugiPrincipal.of(newcomer)))
                .exchange();
        assertThat(mineAsked.getResponse().getContentAsString())
                .doesNotContain("showing everyone")
                .doesNotContain("Rotate the signing key before it expires");
        var ownersLanding = mvc.get()
                .uri("/actions")
                .with(user(KintsugiPrincipal.of(member)))
                .exchange();
        assertThat(ownersLanding.getResponse().getContentAsString())
                .doesNotContain("showing everyone")
                .contains("Rotate the signing key before it expires");
    }

    @Test
    void myActionsPageListsMineWithTheFiltersInTheUrl() throws Exception {
        proposed("Stage config pushes by region", null);
        var mine = mvc.get()
                .uri("/actions?owner=me&status=proposed")
                .with(user(KintsugiPrincipal.of(member)))
                .exchange();
        assertThat(mine).hasStatusOk();
        assertThat(mine.getResponse().getContentAsString())
                .contains("Stage config pushes by region")
                .contains("<option value=\"proposed\" selected=\"selected\">Proposed</option>");
        var theirs = mvc.get()
                .uri("/actions?owner=me")
                .with(user(KintsugiPrincipal.of(pmOwner)))
                .exchange();
        assertThat(theirs.getResponse().getContentAsString()).doesNotContain("Stage config pushes by region");
        var bad = mvc.get()
                .uri("/actions?dueFrom=soon")
                .with(user(KintsugiPrincipal.of(member)))
                .exchange();
        assertThat(bad.getResponse().getContentAsString()).contains("dueFrom: &#39;soon&#39; is not a date");
    }

    @Test
    void listsComeAPageAtATimeWithTheCountAndTheNextPage() throws Exception {
        long first = proposed("Stage config pushes by region", null);
        long second = proposed("Alert on config push errors", null);
        var page = call(HttpMethod.GET, "/api/v1/actions?owner=me&status=proposed&size=1", member, null);
        assertThat(page).hasStatusOk();
        assertThat((List<Integer>) JsonPath.read(page.getResponse().getContentAsString(), "$[*].id"))
                .hasSize(1);
        long total = Long.parseLong(page.getResponse().getHeader("X-Total-Count"));
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(page.getResponse().getHeader("Link"))
                .contains("page=1")
                .contains("size=1")
                .contains("status=proposed")
                .endsWith("rel=\"next\"");
        List<Integer> all = new java.util.ArrayList<>();
        for (int n = 0; n < total; n++) {
            var each = call(HttpMethod.GET, "/api/v1/actions?owner=me&status=proposed&size=1&page=" + n, member, null);
            all.addAll(JsonPath.read(each.getResponse().getContentAsString(), "$[*].id"));
        }
        assertThat(all).doesNotHaveDuplicates().contains((int) first, (int) second);
        var last = call(
                HttpMethod.GET, "/api/v1/actions?owner=me&status=proposed&size=1&page=" + (total - 1), member, null);
        assertThat(last.getResponse().getHeader("Link")).isNull();
    }
}
