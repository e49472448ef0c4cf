package org.kintsugi.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kintsugi.analysis.account.AccountFixtures.as;
import static org.kintsugi.analysis.account.AccountFixtures.at;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.analysis.account.AccountFixtures;
import org.kintsugi.analysis.account.AccountManagement;
import org.kintsugi.analysis.account.AccountView;
import org.kintsugi.analysis.account.EntryKind;
import org.kintsugi.identity.KintsugiPrincipal;
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
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Writing one's account on its page, reading shared ones, and shared entries on the postmortem's timeline. */
@KintsugiAppTest
class AccountPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    TemplateCatalogue templates;

    @Autowired
    AccountManagement accounts;

    @Autowired
    PostmortemReview review;

    UserView owner;
    UserView writer;
    long pm;

    @BeforeEach
    void postmortem() {
        owner = people.member();
        writer = people.member();
        pm = AccountFixtures.postmortem(
                incidents, postmortems, templates, owner, "Checkout errors", "Blameless debrief");
    }

    MvcTestResult get(String uri, UserView as) {
        return mvc.get().uri(uri).with(user(KintsugiPrincipal.of(as))).exchange();
    }

    MvcTestResult post(String uri, UserView as, String... params) {
        var request = mvc.post().uri(uri).with(user(KintsugiPrincipal.of(as))).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    static Document html(MvcTestResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    String mine() {
        return "/postmortems/" + pm + "/accounts/mine";
    }

    AccountView shared(UserView person, String narrative, int minutes, EntryKind kind, String text) {
        AccountView account = accounts.start(pm, as(person), narrative, List.of(at(minutes, kind, text)));
        return accounts.share(pm, account.id(), as(person), null);
    }

    @Nested
    @DisplayName("Writing one's own account")
    class Writing {

        @Test
        void writeTheNarrativeAddAnEntryInOnesOwnZoneAndShare() throws Exception {
            Document empty = html(get(mine(), writer));
            assertThat(empty.select("label[for=narrative]").text()).startsWith("Narrative");
            assertThat(empty.select("label[for=entry-at]").text()).isEqualTo("When (UTC)");
            assertThat(empty.select("label[for=entry-kind]").text()).isEqualTo("Kind");
            assertThat(empty.select("label[for=entry-text]").text()).isEqualTo("In your words");
            assertThat(empty.select(".privacy-note").text()).contains("Only you can see this account");

            assertThat(post(mine(), writer, "narrative", "I was on call and saw the alert first."))
                    .hasStatus3xxRedirection()
                    .hasRedirectedUrl(mine() + "#narrative-section");
            assertThat(post(
                            mine() + "/entries",
                            writer,
                            "at",
                            "2026-11-19T15:05",
                            "zone",
                            "Europe/Berlin",
                            "kind",
                            "observed",
                            "text",
                            "Checkout error rate at 30%"))
                    .hasStatus3xxRedirection();
            AccountView draft = accounts.mine(pm, writer.id()).orElseThrow();
            assertThat(draft.narrative()).isEqualTo("I was on call and saw the alert first.");
            assertThat(draft.entries()).singleElement().satisfies(e -> {
                assertThat(e.at()).isEqualTo(Instant.parse("2026-11-19T14:05:00Z"));
                assertThat(e.kind()).isEqualTo(EntryKind.OBSERVED);
            });

            assertThat(post(mine() + "/share", writer)).hasStatus3xxRedirection();
            Document page = html(get(mine(), writer));
            assertThat(page.select(".status").text()).isEqualTo("Shared");
            assertThat(page.select("button").eachText()).contains("Take it back to a draft");
            assertThat(page.select("#entry-1").text()).contains("Observed", "Checkout error rate at 30%");
        }

        @Test
        void aBadEntryNamesItsFieldsKeepsWhatWasTypedAndSavesNothing() throws Exception {
            accounts.start(pm, as(writer), "Saved narrative", List.of(at(5, EntryKind.DID, "Paged the team")));

            MvcTestResult refused = post(
                    mine() + "/entries", writer, "at", "19/11 14:05", "zone", "UTC", "kind", "observed", "text", " ");

            assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            Document page = html(refused);
            assertThat(page.select(".add-entry .field-error").eachText())
                    .containsExactly(
                            "When '19/11 14:05' is not a date and time like 2026-11-21T14:05",
                            "Text is required: what happened, in your words");
            assertThat(page.select("#entry-at").attr("value")).isEqualTo("19/11 14:05");
            assertThat(page.select("#entry-at").attr("aria-invalid")).isEqualTo("true");
            assertThat(page.select("#narrative").text()).isEqualTo("Saved narrative");
            AccountView unchanged = accounts.mine(pm, writer.id()).orElseThrow();
            assertThat(unchanged.entries()).hasSize(1);
            assertThat(unchanged.version()).isZero();
        }

        @Test
        void aNarrativeSavedMeanwhileIsShownBesideYoursWith409() throws Exception {
            AccountView account = accounts.start(pm, as(writer), "First words", List.of());
            accounts.write(pm, account.id(), as(writer), 0L, "Written in another tab");

            MvcTestResult stale = post(mine(), writer, "version", "0", "narrative", "My new words");

            assertThat(stale).hasStatus(HttpStatus.CONFLICT);
            Document page = html(stale);
            assertThat(page.select(".conflict pre.theirs").text()).isEqualTo("Written in another tab");
            assertThat(page.select(".conflict pre.mine").text()).isEqualTo("My new words");
            assertThat(page.select("#narrative").text()).isEqualTo("My new words");
            assertThat(page.select("input[name=version]").attr("value")).isEqualTo("1");
            assertThat(accounts.mine(pm, writer.id()).orElseThrow().narrative()).isEqualTo("Written in another tab");
        }

        @Test
        void theLanguageCoachMarksBlamefulPhrasesWithAFocusableSuggestion() throws Exception {
            accounts.start(
                    pm,
                    as(writer),
                    "The deploy failed to complete. Bob should have checked the dashboard.",
                    List.of(at(3, EntryKind.UNDERSTOOD, "The on-call engineer was careless with the config")));

            Document page = html(get(mine(), writer));

            Element mark = page.selectFirst("#narrative-coach mark.coach-mark");
            assertThat(mark).isNotNull();
            assertThat(mark.ownText()).isEqualTo("should have checked");
            assertThat(mark.attr("tabindex")).isEqualTo("0");
            assertThat(page.getElementById(mark.attr("aria-describedby")).text())
                    .contains("What made checking the dashboard seem unnecessary at the time?");
            assertThat(page.select("#narrative-coach").text()).contains("1 phrase to reconsider");
            assertThat(page.select("#narrative-coach").attr("hx-post")).contains("/language/highlight");
            assertThat(page.select("#entry-1 mark.coach-mark")).isNotEmpty();
        }

        @Test
        void aRefusedChangeKeepsWhatWasTypedAndSaysWhy() throws Exception {
            shared(writer, "Shared words", 5, EntryKind.OBSERVED, "Dashboards were all green");
            for (PostmortemView.Section s : postmortems.find(pm).missing()) {
                postmortems.write(pm, s.key(), s.version(), "Written.", owner.displayName());
            }
            review.submit(pm, as(owner));

            MvcTestResult refused = post(mine(), writer, "version", "1", "narrative", "Words I do not want to lose");

            assertThat(refused).hasStatus(HttpStatus.CONFLICT);
            Document page = html(refused);
            assertThat(page.select(".alert.error").text()).contains("only while the postmortem is a draft");
            assertThat(page.select("#narrative").text()).isEqualTo("Words I do not want to lose");
            assertThat(accounts.mine(pm, writer.id()).orElseThrow().narrative()).isEqualTo("Shared words");
        }

        @Test
        void viewersReadSharedAccountsButHaveNoneToWrite() {
            assertThat(get(mine(), people.viewer())).hasStatus(HttpStatus.FORBIDDEN);
        }
    }

    @Nested
    @DisplayName("A draft is its writer's alone")
    class Privacy {

        @Test
        void noOneElseFindsADraftsPageOrSeesItOnThePostmortem() throws Exception {
            AccountView draft = accounts.start(
                    pm,
                    as(writer),
                    "Private thoughts about the rollout",
                    List.of(at(5, EntryKind.OBSERVED, "Dashboards were all green")));
            String page = "/postmortems/" + pm + "/accounts/" + draft.id();
            for (UserView other : List.of(owner, people.add(Role.ADMIN), people.member(), people.viewer())) {
                MvcTestResult read = get(page, other);
                assertThat(read).as(other.role() + " reading").hasStatus(HttpStatus.NOT_FOUND);
                assertThat(read).bodyText().doesNotContain("Private thoughts");
                Document postmortem = html(get("/postmortems/" + pm, other));
                assertThat(postmortem.text()).doesNotContain("Dashboards were all green", "Private thoughts");
                assertThat(postmortem.select("#accounts").text()).contains("No one else has shared an account yet.");
            }
            assertThat(get(page, writer)).hasStatusOk();
            Document own = html(get("/postmortems/" + pm, writer));
            assertThat(own.select("#accounts .my-account").text())
                    .contains("Your account", "Draft", "only you can see it");
            assertThat(own.select("#timeline").text()).doesNotContain("Dashboards were all green");
        }

        @Test
        void aSharedAccountIsReadOnItsOwnPage() throws Exception {
            AccountView account =
                    shared(writer, "I was **on call**.", 5, EntryKind.OBSERVED, "Dashboards were all green");

            Document page = html(get("/postmortems/" + pm + "/accounts/" + account.id(), people.viewer()));

            assertThat(page.select("h1").text()).isEqualTo(writer.displayName() + "’s account");
            assertThat(page.select(".markdown strong").text()).isEqualTo("on call");
            assertThat(page.select("#entry-1").text())
                    .contains("2026-11-19 14:05", "Observed", "Dashboards were all green");
            assertThat(page.select("a").eachText()).doesNotContain("Edit your account");
        }
    }

    @Nested
    @DisplayName("On the postmortem")
    class OnThePostmortem {

        @Test
        void sharedEntriesAreOnTheTimelineAtTheirTimesWithTheirWriterAndALinkToTheAccount() throws Exception {
            AccountView account = shared(writer, "", 5, EntryKind.OBSERVED, "Checkout error rate at 30%");

            Document page = html(get("/postmortems/" + pm, people.viewer()));

            Element moment = page.select("#timeline li.contributed").first();
            assertThat(moment).isNotNull();
            assertThat(moment.select("time").text()).isEqualTo("2026-11-19 14:05");
            assertThat(moment.select(".tl-kind").text()).isEqualTo("Observed");
            assertThat(moment.select(".tl-text").text()).isEqualTo("Checkout error rate at 30%");
            assertThat(moment.select("a").text()).isEqualTo(writer.displayName() + "’s personal account");
            assertThat(moment.select("a").attr("href"))
                    .isEqualTo("/postmortems/" + pm + "/accounts/" + account.id() + "#entry-1");
            assertThat(moment.select("button")).as("read-only on the timeline").isEmpty();
            assertThat(page.select("#section-participants-accounts #accounts a").text())
                    .isEqualTo(writer.displayName() + "’s account");

            String markdown = get("/postmortems/" + pm + "/export?format=markdown", owner)
                    .getResponse()
                    .getContentAsString();
            assertThat(markdown)
                    .contains("| 2026-11-19 14:05 | Observed | Checkout error rate at 30% | " + writer.displayName()
                            + " (personal account) |")
                    .contains("### " + writer.displayName() + "'s account");
        }

        @Test
        void aPostmortemWithoutAnAccountsSectionShowsThemUnderAHeadingOfTheirOwn() throws Exception {
            long other = AccountFixtures.postmortem(incidents, postmortems, templates, owner, "Queue backlog", null);
            Document page = html(get("/postmortems/" + other, writer));
            assertThat(page.select("#section-participants-accounts h2").text()).isEqualTo("Personal accounts");
            assertThat(page.select("#section-participants-accounts a.button-link")
                            .text())
                    .isEqualTo("Write your account");
        }

        @Test
        void observationsThreeMinutesApartThatDifferStandSideBySideAsOnePointToDiscuss() throws Exception {
            UserView colleague = people.member();
            shared(writer, "", 5, EntryKind.OBSERVED, "The error rate on checkout was climbing");
            shared(colleague, "", 8, EntryKind.OBSERVED, "The checkout dashboard was all green");

            Document page = html(get("/postmortems/" + pm, owner));

            assertThat(page.select("#timeline li.point-to-discuss"))
                    .singleElement()
                    .satisfies(point -> {
                        assertThat(point.select(".discuss-title").text())
                                .isEqualTo("Point to discuss: 2 accounts tell this moment differently");
                        assertThat(point.select(".account-column h3").eachText())
                                .containsExactly(writer.displayName(), colleague.displayName());
                        assertThat(point.select(".account-column .tl-text").eachText())
                                .containsExactly(
                                        "The error rate on checkout was climbing",
                                        "The checkout dashboard was all green");
                    });
            assertThat(page.select("#timeline li.contributed"))
                    .as("not also shown one by one")
                    .isEmpty();
        }

        @Test
        void theSameObservationOrOneTwentyMinutesLaterIsNoPointToDiscuss() throws Exception {
            UserView colleague = people.member();
            UserView third = people.member();
            shared(writer, "", 5, EntryKind.OBSERVED, "Checkout returned 502s.");
            shared(colleague, "", 8, EntryKind.OBSERVED, "checkout returned 502s");
            shared(third, "", 28, EntryKind.OBSERVED, "The checkout dashboard was all green");

            Document page = html(get("/postmortems/" + pm, owner));

            assertThat(page.select("#timeline li.point-to-discuss")).isEmpty();
            assertThat(page.select("#timeline li.contributed .tl-text").eachText())
                    .containsExactly(
                            "Checkout returned 502s.",
                            "checkout returned 502s",
                            "The checkout dashboard was all green");
        }
    }
}
