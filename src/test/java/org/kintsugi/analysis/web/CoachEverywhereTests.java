package org.kintsugi.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionType;
import org.kintsugi.action.ActionView;
import org.kintsugi.action.Priority;
import org.kintsugi.analysis.WhysFixtures;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.TimelineItem;
import org.kintsugi.postmortem.TimelineKind;
import org.kintsugi.postmortem.review.PostmortemReview;
import org.kintsugi.postmortem.timeline.TimelineEntry;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The coach reads everywhere people write: timeline events, action items' titles and descriptions, the five-whys
 * problem statement and review comments. For each, a blaming sentence is marked and a neutral one is not — in the
 * panel beside the box as one types, on the saved text for its writers and reviewers, and through the review API.
 */
@KintsugiAppTest
class CoachEverywhereTests {

    /** Blame in everyday words: no rule's trigger word, the classifier reads it. */
    static final String ACCUSATION =
            "The whole checkout went down because Kwabena pushed his change on a Friday evening.";

    static final String HINDSIGHT = "Bob should have checked the dashboard before deploying.";
    static final String NEUTRAL = "The certificate expired at 03:00 and the load balancer rejected new connections.";
    static final String NEUTRAL_TITLE = "Add a pre-flight check to the deploy pipeline";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    PostmortemTimeline timeline;

    @Autowired
    PostmortemReview review;

    @Autowired
    ActionManagement actions;

    @Autowired
    FiveWhys whys;

    UserView author;
    PostmortemView p;

    @BeforeEach
    void postmortem() {
        author = people.member();
        p = WhysFixtures.postmortem(incidents, postmortems, author, null, "Payments");
    }

    Document page(String uri, UserView as) throws Exception {
        MvcTestResult result =
                mvc.get().uri(uri).with(user(KintsugiPrincipal.of(as))).exchange();
        assertThat(result).hasStatusOk();
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The panel beside a box, as htmx asks for it while someone types in the field named {@code field}. */
    Document typed(String field, String text) throws Exception {
        MvcTestResult result = mvc.post()
                .uri("/language/highlight?field=" + field + "&id=coach-" + field)
                .with(user(KintsugiPrincipal.of(author)))
                .with(csrf())
                .param(field, text)
                .exchange();
        assertThat(result).hasStatusOk();
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    List<String> apiFindings(String text) throws Exception {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/language/review")
                .with(httpBasic(author.email(), TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"" + text.replace("\"", "\\\"") + "\"}")
                .exchange();
        assertThat(result).hasStatusOk();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.findings[*].text");
    }

    /** Assert the box carries the coach's panel, reviewing that box's own field as one types. */
    static void carriesThePanel(Document page, String panel, String box, String field) {
        Element coach = page.getElementById(panel);
        assertThat(coach).as(panel).isNotNull();
        assertThat(coach.attr("hx-post")).contains("/language/highlight").contains("field=" + field);
        assertThat(coach.attr("hx-include")).isEqualTo("#" + box);
        assertThat(coach.attr("hx-trigger")).contains("delay:").contains("from:#" + box);
        // a form around it may target something else (the whys panel): the coach's answer goes in its own panel
        assertThat(coach.attr("hx-target")).isEqualTo("this");
        assertThat(page.getElementById(box)).as(box).isNotNull();
    }

    /** Assert typing the blaming text gets a marked finding with its suggestion, and the neutral text none. */
    void typingIsReviewed(String field, String blaming, String neutral) throws Exception {
        Document marked = typed(field, blaming);
        Element mark = marked.selectFirst("mark.coach-mark");
        assertThat(mark).as(blaming).isNotNull();
        Element tip = marked.getElementById(mark.attr("aria-describedby"));
        assertThat(tip).isNotNull();
        assertThat(tip.text()).contains("Try:");
        Document clean = typed(field, neutral);
        assertThat(clean.select("mark")).as(neutral).isEmpty();
        assertThat(clean.text()).contains("No blaming or hindsight phrasing found.");
        assertThat(apiFindings(blaming)).isNotEmpty();
        assertThat(apiFindings(neutral)).isEmpty();
    }

    static String plain(Element element) {
        Element copy = element.clone();
        copy.select(".coach-tip").remove();
        return copy.text();
    }

    @Nested
    @DisplayName("a timeline event's description")
    class TimelineEvents {

        @Test
        void isReviewedAsOneTypesItAndMarkedOnceSaved() throws Exception {
            TimelineItem blaming = event(ACCUSATION, "2026-11-19T08:20:00Z");
            TimelineItem neutral = event(NEUTRAL, "2026-11-19T08:25:00Z");
            Document writers = page("/postmortems/" + p.id(), author);
            carriesThePanel(writers, "coach-event", "event-description", "description");
            Element text = writers.selectFirst("#event-" + blaming.id() + " .tl-text");
            assertThat(text.select("mark.coach-mark").eachText()).anyMatch(m -> m.contains("Kwabena pushed"));
            assertThat(plain(text)).isEqualTo(ACCUSATION);
            assertThat(writers.select("#event-" + neutral.id() + " mark")).isEmpty();
            assertThat(page("/postmortems/" + p.id(), people.viewer()).select("#event-" + blaming.id() + " mark"))
                    .isEmpty();
            typingIsReviewed("description", ACCUSATION, NEUTRAL);
        }

        TimelineItem event(String description, String at) {
            return timeline.add(
                    p.id(),
                    new TimelineEntry(Instant.parse(at), description, TimelineKind.OBSERVATION, "", false),
                    author.displayName());
        }
    }

    @Nested
    @DisplayName("an action item's title and description")
    class ActionItems {

        @Test
        void aBlamingTitleIsMarkedAndANeutralOneIsNot() throws Exception {
            ActionView blaming = propose(HINDSIGHT, NEUTRAL);
            ActionView neutral = propose(NEUTRAL_TITLE, NEUTRAL);
            Document page = page("/actions/" + blaming.id(), author);
            Element title = page.getElementById("action-title");
            assertThat(title.select("mark.coach-mark").eachText()).contains("should have checked");
            assertThat(plain(title)).isEqualTo(HINDSIGHT);
            assertThat(page("/actions/" + neutral.id(), author).select("#action-title mark"))
                    .isEmpty();
            carriesThePanel(page, "coach-title", "title", "title");
            typingIsReviewed("title", HINDSIGHT, NEUTRAL_TITLE);
        }

        @Test
        void aBlamingDescriptionIsMarkedForMembersAndANeutralOneIsNot() throws Exception {
            ActionView blaming = propose(NEUTRAL_TITLE, ACCUSATION);
            ActionView neutral = propose(NEUTRAL_TITLE, NEUTRAL);
            Document page = page("/actions/" + blaming.id(), author);
            Element description = page.getElementById("action-description");
            assertThat(description.select("mark.coach-mark").eachText()).anyMatch(m -> m.contains("Kwabena pushed"));
            assertThat(plain(description)).isEqualTo(ACCUSATION);
            Document clean = page("/actions/" + neutral.id(), author);
            assertThat(clean.select("#action-description mark")).isEmpty();
            assertThat(clean.getElementById("action-description").text()).isEqualTo(NEUTRAL);
            assertThat(page("/actions/" + blaming.id(), people.viewer()).select("mark"))
                    .isEmpty();
            carriesThePanel(page, "coach-description", "description", "description");
            typingIsReviewed("description", ACCUSATION, NEUTRAL);
        }

        @Test
        void theProposalFormOnThePostmortemCarriesTheCoach() throws Exception {
            carriesThePanel(page("/postmortems/" + p.id(), author), "coach-action-title", "action-title", "title");
        }

        ActionView propose(String title, String description) {
            return actions.propose(
                    p.id(),
                    null,
                    new ActionDetails(
                            title,
                            description,
                            LocalDate.now().plusDays(14),
                            Priority.P2,
                            ActionType.PREVENT,
                            "The check runs on every deploy."),
                    author.id(),
                    null,
                    WhysFixtures.as(author));
        }
    }

    @Nested
    @DisplayName("the five whys' problem statement")
    class ProblemStatement {

        @Test
        void aBlamingStatementIsMarkedAndANeutralOneIsNot() throws Exception {
            restate(HINDSIGHT);
            Document panel = page("/postmortems/" + p.id() + "/whys/problem", author);
            Element problem = panel.selectFirst(".why-problem-text");
            assertThat(problem.select("mark.coach-mark").eachText()).contains("should have checked");
            assertThat(plain(problem)).isEqualTo(HINDSIGHT);
            carriesThePanel(panel, "coach-why-problem", "why-problem-input", "problem");
            assertThat(page("/postmortems/" + p.id() + "/whys/problem", people.viewer())
                            .select(".why-problem-text mark"))
                    .isEmpty();

            assertThat(problemFindings()).contains("should have checked");

            restate(NEUTRAL);
            assertThat(problemFindings()).isEmpty();
            Document clean = page("/postmortems/" + p.id() + "/whys/problem", author);
            assertThat(clean.select(".why-problem-text mark")).isEmpty();
            assertThat(clean.selectFirst(".why-problem-text").text()).isEqualTo(NEUTRAL);
            typingIsReviewed("problem", HINDSIGHT, NEUTRAL);
        }

        List<String> problemFindings() throws Exception {
            MvcTestResult result = mvc.get()
                    .uri("/api/v1/postmortems/" + p.id() + "/whys")
                    .with(httpBasic(author.email(), TestPeople.PASSWORD))
                    .exchange();
            assertThat(result).hasStatusOk();
            return JsonPath.read(result.getResponse().getContentAsString(), "$.problemFindings[*].text");
        }

        void restate(String problem) {
            long version = whys.tree(p.id(), author.id()).version();
            whys.restate(p.id(), version, problem, WhysFixtures.as(author));
        }
    }

    @Nested
    @DisplayName("review comments")
    class ReviewComments {

        @Test
        void aBlamingCommentIsMarkedForTheWritersAndANeutralOneIsNot() throws Exception {
            String blaming = "The on-call engineer failed to notice the alert.";
            String neutral = "The timeline reads clearly.";
            for (PostmortemView.Section s : p.sections()) {
                if (s.required() && !s.key().equals("timeline")) {
                    postmortems.write(p.id(), s.key(), s.version(), NEUTRAL, author.displayName());
                }
            }
            review.submit(p.id(), WhysFixtures.as(author));
            UserView approver = people.member();
            UserView asker = people.member();
            review.approve(p.id(), WhysFixtures.as(approver), List.of(), neutral);
            review.requestChanges(p.id(), WhysFixtures.as(asker), blaming);

            Document writers = page("/postmortems/" + p.id(), author);
            Element asked = comment(writers, asker);
            assertThat(asked.select("mark.coach-mark").eachText()).contains("failed to notice");
            assertThat(plain(asked)).isEqualTo(blaming);
            assertThat(writers.select("#changes-requested mark.coach-mark").eachText())
                    .contains("failed to notice");
            Element approved = comment(writers, approver);
            assertThat(approved.select("mark")).isEmpty();
            assertThat(approved.text()).isEqualTo(neutral);
            assertThat(page("/postmortems/" + p.id(), people.viewer()).select(".review-comment mark"))
                    .isEmpty();
            typingIsReviewed("comment", blaming, neutral);
        }

        static Element comment(Document page, UserView reviewer) {
            return page.select("li[id^=review-]").stream()
                    .filter(li -> li.selectFirst("strong").text().equals(reviewer.displayName()))
                    .findFirst()
                    .orElseThrow()
                    .selectFirst(".review-comment");
        }
    }
}
