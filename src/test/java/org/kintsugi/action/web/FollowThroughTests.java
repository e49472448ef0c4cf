package org.kintsugi.action.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kintsugi.action.ActionFixtures.as;
import static org.kintsugi.action.ActionFixtures.details;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.action.ActionFixtures;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionStatus;
import org.kintsugi.action.ActionView;
import org.kintsugi.action.Priority;
import org.kintsugi.action.settings.ActionPolicy;
import org.kintsugi.action.settings.ActionSettingsView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Reviewing proposals, choosing what matters most, the item's own page, team views and the admin settings. */
@KintsugiAppTest
class FollowThroughTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    ActionManagement actions;

    @Autowired
    ActionPolicy policy;

    UserView lead;
    UserView member;
    long pm;
    LocalDate due = LocalDate.now().plusDays(20);

    @BeforeEach
    void postmortem() {
        lead = people.member();
        member = people.member();
        pm = ActionFixtures.postmortem(
                incidents, postmortems, lead, "Checkout timeouts", "Checkout-" + lead.id(), Instant.now());
    }

    ActionView propose(String title) {
        return actions.propose(pm, null, details(title, due), member.id(), null, as(lead));
    }

    MvcTestResult api(HttpMethod method, String uri, UserView as, @Nullable String json) {
        var request = mvc.method(method).uri(uri).with(httpBasic(as.email(), TestPeople.PASSWORD));
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return request.exchange();
    }

    @Nested
    @DisplayName("Merging proposals")
    class Merging {

        @Test
        void theKeptProposalTakesInTheOtherWhichIsDroppedWithAPointer() throws Exception {
            ActionView keep = propose("Add a timeout to the tax service call");
            ActionView other = actions.propose(
                    pm,
                    null,
                    new org.kintsugi.action.ActionDetails(
                            "Time out calls to tax",
                            "Two seconds is plenty.",
                            due.minusDays(5),
                            Priority.P1,
                            org.kintsugi.action.ActionType.MITIGATE,
                            "p99 of checkout stays under 3 s"),
                    member.id(),
                    null,
                    as(lead));
            var merged = api(
                    HttpMethod.POST,
                    "/api/v1/actions/" + keep.id() + "/merge",
                    member,
                    "{\"mergeId\": " + other.id() + "}");
            assertThat(merged).hasStatus(HttpStatus.OK);
            String json = merged.getResponse().getContentAsString();
            assertThat((String) JsonPath.read(json, "$.description")).contains("Two seconds is plenty.");
            assertThat((String) JsonPath.read(json, "$.priority")).isEqualTo("P1");
            assertThat((String) JsonPath.read(json, "$.dueDate"))
                    .isEqualTo(due.minusDays(5).toString());
            assertThat((String) JsonPath.read(json, "$.verification")).contains("p99 of checkout");
            ActionView dropped = actions.find(other.id());
            assertThat(dropped.status()).isEqualTo(ActionStatus.DROPPED);
            assertThat(dropped.dropReason()).isEqualTo("merged into item " + keep.id() + ": " + keep.title());
            assertThat(actions.history(keep.id())).extracting(h -> h.what()).contains("merged");
        }

        @Test
        void onlyTwoDifferentProposalsMerge() throws Exception {
            ActionView a = propose("Cache tax rates");
            ActionView b = propose("Cache tax rates per region");
            actions.drop(b.id(), "covered by the cache item", as(lead));
            var refused = api(
                    HttpMethod.POST, "/api/v1/actions/" + a.id() + "/merge", member, "{\"mergeId\": " + b.id() + "}");
            assertThat(refused).hasStatus(HttpStatus.CONFLICT);
            var same = api(
                    HttpMethod.POST, "/api/v1/actions/" + a.id() + "/merge", member, "{\"mergeId\": " + a.id() + "}");
            assertThat(same).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(same).bodyJson().extractingPath("$.errors[0].field").isEqualTo("mergeId");
        }

        @Test
        void theReviewScreenMergesFromAForm() {
            ActionView a = propose("Alert on checkout latency");
            ActionView b = propose("Page on checkout latency");
            var page = mvc.get()
                    .uri("/postmortems/" + pm + "/actions/review")
                    .with(user(KintsugiPrincipal.of(lead)))
                    .exchange();
            assertThat(page).hasStatusOk();
            assertThat(page).bodyText().contains("Proposals (2, 0 soaked)", "soaking until", "Merge two proposals");
            var merged = mvc.post()
                    .uri("/postmortems/" + pm + "/actions/merge")
                    .param("keepId", String.valueOf(a.id()))
                    .param("mergeId", String.valueOf(b.id()))
                    .with(user(KintsugiPrincipal.of(lead)))
                    .with(csrf())
                    .exchange();
            assertThat(merged).hasStatus3xxRedirection().hasRedirectedUrl("/postmortems/" + pm + "/actions/review");
            assertThat(actions.find(b.id()).status()).isEqualTo(ActionStatus.DROPPED);
        }
    }

    @Nested
    @DisplayName("Choosing which committed items matter most")
    class Focus {

        @Test
        void pastTheThresholdTheScreenWarnsAndTheOthersAreLoweredOrDropped() throws Exception {
            ActionSettingsView before = policy.current();
            policy.change(new ActionSettingsView(before.soakHours(), 2, 30, 2, 14));
            try {
                List<ActionView> committed = List.of(propose("One"), propose("Two"), propose("Three"));
                for (ActionView item : committed) {
                    actions.commit(item.id(), as(lead), "The fix is the same release");
                }
                var page = mvc.get()
                        .uri("/postmortems/" + pm + "/actions/review")
                        .with(user(KintsugiPrincipal.of(lead)))
                        .exchange();
                assertThat(page).bodyText().contains("3 committed actions is more than 2", "Which matter most?");

                var noReason = api(
                        HttpMethod.POST,
                        "/api/v1/postmortems/" + pm + "/actions/focus",
                        lead,
                        "{\"keep\": [" + committed.get(0).id() + "], \"others\": \"drop\"}");
                assertThat(noReason).hasStatus(HttpStatus.BAD_REQUEST);
                assertThat(noReason)
                        .bodyJson()
                        .extractingPath("$.errors[0].field")
                        .isEqualTo("reason");
                assertThat(actions.find(committed.get(1).id()).status()).isEqualTo(ActionStatus.COMMITTED);

                var lowered = api(
                        HttpMethod.POST,
                        "/api/v1/postmortems/" + pm + "/actions/focus",
                        lead,
                        "{\"keep\": [" + committed.get(0).id() + "], \"others\": \"lower\"}");
                assertThat(lowered).hasStatus(HttpStatus.OK);
                assertThat(actions.find(committed.get(0).id()).priority()).isEqualTo(Priority.P2);
                assertThat(actions.find(committed.get(1).id()).priority()).isEqualTo(Priority.P4);
                assertThat(actions.find(committed.get(2).id()).priority()).isEqualTo(Priority.P4);

                var dropped = mvc.post()
                        .uri("/postmortems/" + pm + "/actions/focus")
                        .param("keep", String.valueOf(committed.get(0).id()))
                        .param("others", "drop")
                        .param("reason", "The first one removes the cause")
                        .with(user(KintsugiPrincipal.of(lead)))
                        .with(csrf())
                        .exchange();
                assertThat(dropped).hasStatus3xxRedirection();
                assertThat(actions.find(committed.get(2).id()).dropReason())
                        .isEqualTo("not among those that matter most: The first one removes the cause");
            } finally {
                policy.change(before);
            }
        }
    }

    @Nested
    @DisplayName("An item's own page")
    class ItemPage {

        @Test
        void showsTheFactsTheSoakAndTheHistory() {
            ActionView item = propose("Load-test checkout before Black Friday");
            var page = mvc.get()
                    .uri("/actions/" + item.id())
                    .with(user(KintsugiPrincipal.of(member)))
                    .exchange();
            assertThat(page).hasStatusOk();
            assertThat(page)
                    .bodyText()
                    .contains(
                            "Load-test checkout before Black Friday",
                            "Can be committed",
                            "History",
                            "proposed",
                            "by " + lead.displayName());
        }

        @Test
        void aStaleEditIsRefusedWithBothVersionsKept() {
            ActionView item = propose("Raise the pool size");
            actions.revise(
                    item.id(), item.version(), details("Raise the DB pool size to 40", due), member.id(), as(lead));
            var stale = mvc.post()
                    .uri("/actions/" + item.id())
                    .param("title", "Raise the pool size to 30")
                    .param("ownerId", String.valueOf(member.id()))
                    .param("dueDate", due.toString())
                    .param("priority", "P2")
                    .param("type", "PREVENT")
                    .param("verification", "No pool exhaustion alerts")
                    .param("version", String.valueOf(item.version()))
                    .with(user(KintsugiPrincipal.of(member)))
                    .with(csrf())
                    .exchange();
            assertThat(stale).hasStatus(HttpStatus.CONFLICT);
            assertThat(stale)
                    .bodyText()
                    .contains("Someone changed this item", "Raise the DB pool size to 40", "Raise the pool size to 30");
            assertThat(actions.find(item.id()).title()).isEqualTo("Raise the DB pool size to 40");
        }

        @Test
        void aBadEditNamesTheFieldAndSavesNothing() {
            ActionView item = propose("Document the failover");
            var bad = mvc.post()
                    .uri("/actions/" + item.id())
                    .param("title", "Document the failover")
                    .param("ownerId", String.valueOf(member.id()))
                    .param("dueDate", "next week")
                    .param("priority", "P2")
                    .param("type", "PROCESS")
                    .param("verification", "The next failover drill follows it")
                    .param("version", String.valueOf(item.version()))
                    .with(user(KintsugiPrincipal.of(member)))
                    .with(csrf())
                    .exchange();
            assertThat(bad).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(bad).bodyText().contains("Due date &#39;next week&#39; is not a date like");
            assertThat(actions.find(item.id()).dueDate()).isEqualTo(due);
        }
    }

    @Nested
    @DisplayName("Team views")
    class Teams {

        @Test
        void aTeamSeesTheItemsOfItsIncidents() throws Exception {
            ActionView ours = propose("Shard the checkout queue");
            long otherPm = ActionFixtures.postmortem(
                    incidents, postmortems, lead, "Search slow", "Search-" + lead.id(), Instant.now());
            actions.propose(otherPm, null, details("Add a search replica", due), member.id(), null, as(lead));

            var list = api(HttpMethod.GET, "/api/v1/actions?team=checkout-" + lead.id(), member, null);
            assertThat(list).hasStatusOk();
            assertThat((List<Integer>) JsonPath.read(list.getResponse().getContentAsString(), "$[*].id"))
                    .containsExactly((int) ours.id());
            var page = mvc.get()
                    .uri("/actions?owner=anyone&team=Checkout-" + lead.id())
                    .with(user(KintsugiPrincipal.of(member)))
                    .exchange();
            assertThat(page).bodyText().contains("Shard the checkout queue", "Overdue everywhere", "My actions");
            assertThat(page).bodyText().doesNotContain("Add a search replica");
        }
    }

    @Nested
    @DisplayName("Settings")
    class Settings {

        @Test
        void adminsChangeTheRulesAndBadValuesNameTheirField() throws Exception {
            UserView admin = people.add(Role.ADMIN);
            ActionSettingsView before = policy.current();
            try {
                var forbidden = api(HttpMethod.PUT, "/api/v1/action-settings", member, "{}");
                assertThat(forbidden).hasStatus(HttpStatus.FORBIDDEN);
                var bad = api(
                        HttpMethod.PUT,
                        "/api/v1/action-settings",
                        admin,
                        "{\"soakHours\": -1, \"commitThreshold\": 7, \"verifyAfterDays\": 30, \"remindDaysBefore\": 2,"
                                + " \"escalateAfterDays\": 14}");
                assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
                assertThat(bad).bodyJson().extractingPath("$.errors[0].field").isEqualTo("soakHours");

                var page = mvc.post()
                        .uri("/admin/follow-through")
                        .param("soakHours", "24")
                        .param("commitThreshold", "5")
                        .param("verifyAfterDays", "0")
                        .param("remindDaysBefore", "3")
                        .param("escalateAfterDays", "10")
                        .with(user(KintsugiPrincipal.of(admin)))
                        .with(csrf())
                        .exchange();
                assertThat(page).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
                assertThat(page).bodyText().contains("Verify after must be between 1 and 365, not 0");
                assertThat(policy.current()).isEqualTo(before);

                var saved = mvc.post()
                        .uri("/admin/follow-through")
                        .param("soakHours", "24")
                        .param("commitThreshold", "5")
                        .param("verifyAfterDays", "14")
                        .param("remindDaysBefore", "3")
                        .param("escalateAfterDays", "10")
                        .with(user(KintsugiPrincipal.of(admin)))
                        .with(csrf())
                        .exchange();
                assertThat(saved).hasStatus3xxRedirection();
                assertThat(api(HttpMethod.GET, "/api/v1/action-settings", member, null))
                        .bodyJson()
                        .extractingPath("$.soakHours")
                        .isEqualTo(24);
                ActionView item = propose("Soak for a day");
                assertThat(item.soakedAt()).isEqualTo(item.proposedAt().plusSeconds(24 * 3600));
            } finally {
                policy.change(before);
            }
        }
    }
}
