package org.kintsugi.debrief.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kintsugi.action.ActionFixtures;
import org.kintsugi.analysis.factors.ContributingFactors;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.factors.FactorInput;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.analysis.whys.WhyAnswer;
import org.kintsugi.debrief.DebriefDetails;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.debrief.InviteeRole;
import org.kintsugi.debrief.NewInvitee;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A closed debrief's summary is attached to its postmortem: shown on the postmortem's page to anyone who reads it, and
 * carried by its exports, as the facilitator left it.
 */
@KintsugiAppTest
class DebriefSummaryOnPostmortemTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    DebriefManagement debriefs;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    FiveWhys whys;

    @Autowired
    ContributingFactors factors;

    @Autowired
    FactorCategories categories;

    UserView facilitator;
    UserView ada;
    UserView absent;
    UserView reader;
    long postmortem;
    String room;

    @BeforeEach
    void aPostmortemWithADebrief() {
        facilitator = people.member();
        ada = people.member();
        absent = people.member();
        reader = people.viewer();
        postmortem = ActionFixtures.postmortem(
                incidents,
                postmortems,
                facilitator,
                "Checkout timed out after the cache flush",
                "Payments",
                Instant.now());
        long id = debriefs.schedule(
                        postmortem,
                        DebriefDetails.parse(
                                "Debrief: checkout timeouts",
                                LocalDate.now().plusDays(2).toString(),
                                "10:00",
                                "UTC",
                                "60",
                                "https://meet.example.org/checkout",
                                facilitator.id()),
                        List.of(
                                NewInvitee.person(ada.id(), InviteeRole.REQUIRED),
                                NewInvitee.person(absent.id(), InviteeRole.OPTIONAL)),
                        KintsugiPrincipal.of(facilitator))
                .id();
        room = "/api/v1/debriefs/" + id;
    }

    MvcTestResult call(HttpMethod method, String path, UserView as, String body) {
        return mvc.method(method)
                .uri(path)
                .with(httpBasic(as.email(), TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    void phase(String phase) {
        assertThat(call(HttpMethod.POST, room + "/phase", facilitator, "{\"phase\": \"" + phase + "\"}"))
                .hasStatus(200);
    }

    String page(UserView as) throws Exception {
        MvcTestResult page = mvc.get()
                .uri("/postmortems/" + postmortem)
                .with(user(KintsugiPrincipal.of(as)))
                .exchange();
        assertThat(page).hasStatusOk();
        return page.getResponse().getContentAsString();
    }

    String markdownExport(UserView as) throws Exception {
        MvcTestResult export =
                call(HttpMethod.GET, "/api/v1/postmortems/" + postmortem + "/export?format=markdown", as, "");
        assertThat(export).hasStatusOk();
        return export.getResponse().getContentAsString();
    }

    @Test
    void theSummaryIsAttachedAtCloseShownToReadersAndExportedAsTheFacilitatorLeftIt() throws Exception {
        phase("reflect");
        MvcTestResult card = call(
                HttpMethod.POST,
                room + "/cards",
                ada,
                "{\"column\": \"went-wrong\", \"text\": \"The cache flush ran <script>alert(1)</script> at peak\"}");
        assertThat(card).hasStatus(201);
        phase("group");
        MvcTestResult theme = call(HttpMethod.POST, room + "/themes", ada, "{\"title\": \"Cache flushes at peak\"}");
        assertThat(theme).hasStatus(201);
        assertThat(page(reader)).doesNotContain("Summary of the debrief");
        assertThat(markdownExport(reader)).doesNotContain("Summary of the debrief");

        // What the postmortem's writers decided on its analysis goes into the summary too.
        Author owner = new Author(facilitator.id(), facilitator.displayName());
        long first = whys.addCause(
                        postmortem, null, new WhyAnswer("The cache was flushed during peak traffic", List.of()), owner)
                .id();
        long second = whys.addCause(
                        postmortem, first, new WhyAnswer("The flush job had no schedule of its own", List.of()), owner)
                .id();
        whys.choose(postmortem, second, true, owner);
        factors.add(
                postmortem,
                new FactorInput(
                        "Cache flushes run by hand",
                        categories.active().getFirst().id(),
                        "No one owns the job"),
                owner);

        // What the group said about the theme while discussing it goes under the theme.
        phase("discuss");
        List<Integer> themes = JsonPath.read(body(theme), "$.themes[?(@.title == 'Cache flushes at peak')].id");
        assertThat(call(
                        HttpMethod.POST,
                        room + "/themes/" + themes.getFirst() + "/notes",
                        ada,
                        "{\"text\": \"Peak hours are not written down <b>anywhere</b>\"}"))
                .hasStatus(201);

        phase("closed");
        String shown = page(reader);
        assertThat(shown)
                .contains("Summary of the debrief", "Debrief: checkout timeouts", "Cache flushes at peak")
                .contains("The cache flush ran")
                .contains("Note by " + ada.displayName() + ": Peak hours are not written down")
                .doesNotContain("<script>alert(1)</script>");
        String exported = markdownExport(reader);
        assertThat(exported)
                .contains("### Summary of the debrief \u201cDebrief: checkout timeouts\u201d")
                .contains("#### Took part\n\n", "- " + ada.displayName(), "- " + facilitator.displayName())
                .contains("#### Invited, and did not come\n\n- " + absent.displayName() + "\n")
                .contains("#### Themes, by votes", "**Cache flushes at peak** (0 votes)")
                .contains("  - Note by " + ada.displayName() + ": Peak hours are not written down")
                .contains(
                        "#### The five whys, the paths chosen",
                        "- The cache was flushed during peak traffic \u2192 The flush job had no schedule of its own")
                .contains(
                        "#### Contributing factors marked",
                        "- Cache flushes run by hand (",
                        ") \u2014 No one owns the job")
                .doesNotContain("\n# Debrief: checkout timeouts");

        String edited = "# Debrief: checkout timeouts\n\n## What we decided\n\nFlush the cache in the quiet hour.";
        assertThat(call(
                        HttpMethod.PUT,
                        room + "/summary",
                        facilitator,
                        "{\"markdown\": "
                                + JsonPath.parse(List.of(edited)).jsonString().replaceAll("^\\[|\\]$", "") + "}"))
                .hasStatus(200);
        assertThat(page(reader)).contains("What we decided", "Flush the cache in the quiet hour.");
        assertThat(markdownExport(reader))
                .contains("#### What we decided", "Flush the cache in the quiet hour.")
                .doesNotContain("Cache flushes at peak");
    }
}
