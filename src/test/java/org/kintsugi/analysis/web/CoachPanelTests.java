package org.kintsugi.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The coach beside editors (the htmx panel) and under the reviewer checklist's item on blameless language. */
@KintsugiAppTest
class CoachPanelTests {

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
    PostmortemTimeline timeline;

    static Document html(MvcTestResult result) throws Exception {
        assertThat(result).hasStatusOk();
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    Document panel(UserView as, String field, String text) throws Exception {
        return html(mvc.post()
                .uri("/language/highlight?field=" + field + "&id=coach-impact")
                .with(user(KintsugiPrincipal.of(as)))
                .with(csrf())
                .param(field, text)
                .exchange());
    }

    @Test
    void aBlamefulSentenceComesBackMarkedWithItsSuggestionTiedToTheMark() throws Exception {
        Document panel =
                panel(people.member(), "body", "The page fired at 09:12.\nBob should have checked the dashboard.");
        Element mark = panel.selectFirst("mark.coach-mark");
        assertThat(mark).isNotNull();
        assertThat(mark.text()).isEqualTo("should have checked");
        assertThat(mark.attr("tabindex")).isEqualTo("0");
        assertThat(mark.hasClass("coach-hindsight")).isTrue();
        Element tip = panel.getElementById(mark.attr("aria-describedby"));
        assertThat(tip).isNotNull();
        assertThat(tip.attr("role")).isEqualTo("tooltip");
        assertThat(tip.text()).contains("What made checking the dashboard seem unnecessary at the time?");
        // only the line with the finding is shown, numbered as in the text, and the rest of it around the mark
        assertThat(panel.select("ol.coach-lines > li")).hasSize(1);
        assertThat(panel.selectFirst("ol.coach-lines > li").attr("value")).isEqualTo("2");
        assertThat(panel.selectFirst("ol.coach-lines > li").text()).startsWith("Bob should have checked");
        assertThat(panel.text()).contains("1 phrase to reconsider").contains("score 95 of 100");
    }

    @Test
    void textAboutSystemsAndFutureWorkIsClean() throws Exception {
        Document panel = panel(
                people.member(),
                "comment",
                "The deploy failed to complete. The error rate rose to 4%. We should add a pre-flight check.");
        assertThat(panel.select("mark")).isEmpty();
        assertThat(panel.text()).contains("No blaming or hindsight phrasing found.");
    }

    @Test
    void anEmptyEditorGetsAnEmptyPanelAndAnOversizedTextIsRefusedNamingTheLimit() throws Exception {
        assertThat(panel(people.member(), "body", "   ").text()).isEmpty();
        MvcTestResult tooLong = mvc.post()
                .uri("/language/highlight?field=body&id=coach-impact")
                .with(user(KintsugiPrincipal.of(people.member())))
                .with(csrf())
                .param("body", "a ".repeat(50_001))
                .exchange();
        assertThat(tooLong).hasStatus(org.springframework.http.HttpStatus.BAD_REQUEST);
        Document panel = Jsoup.parse(tooLong.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(panel.select("[role=status]").text())
                .contains("over 100,000 characters")
                .contains("kintsugi.limits.coach-text = 100,000");
    }

    @Test
    void theSectionEditorsAndReviewCommentsCarryTheCoach() throws Exception {
        UserView author = people.member();
        PostmortemView p = started(author);
        Document page = html(mvc.get()
                .uri("/postmortems/" + p.id())
                .with(user(KintsugiPrincipal.of(author)))
                .exchange());
        for (PostmortemView.Section s : p.sections()) {
            Element coach = page.getElementById("coach-" + s.key());
            assertThat(coach).as(s.key()).isNotNull();
            assertThat(coach.attr("hx-post")).contains("/language/highlight").contains("field=body");
            assertThat(coach.attr("hx-include")).isEqualTo("#body-" + s.key());
            assertThat(coach.attr("hx-trigger")).contains("delay:").contains("from:#body-" + s.key());
        }
    }

    @Test
    void theReviewerSeesTheFindingsUnderTheBlamelessLanguageItemOnly() throws Exception {
        UserView author = people.member();
        UserView reviewer = people.member();
        PostmortemView p = started(author);
        fillRequired(p, author, "Root cause: human error. The on-call engineer failed to notice the alert.");
        review.submit(p.id(), new Author(author.id(), author.displayName()));

        Document page = html(mvc.get()
                .uri("/postmortems/" + p.id())
                .with(user(KintsugiPrincipal.of(reviewer)))
                .exchange());
        List<Element> aids = page.select(".review-aid");
        assertThat(aids).hasSize(1);
        Element item = aids.getFirst().previousElementSibling();
        assertThat(item.text()).contains("why it made sense at the time");
        assertThat(aids.getFirst().select("mark.coach-mark").eachText()).contains("human error", "failed to notice");
        assertThat(aids.getFirst().text()).contains("phrases to reconsider");

        Document authorsView = html(mvc.get()
                .uri("/postmortems/" + p.id())
                .with(user(KintsugiPrincipal.of(author)))
                .exchange());
        assertThat(authorsView.select(".review-aid")).isEmpty();
    }

    @Test
    void aCleanDocumentSaysSoUnderTheItem() throws Exception {
        UserView author = people.member();
        UserView reviewer = people.member();
        PostmortemView p = started(author);
        fillRequired(p, author, "The cache stopped refreshing after the certificate expired.");
        review.submit(p.id(), new Author(author.id(), author.displayName()));
        Document page = html(mvc.get()
                .uri("/postmortems/" + p.id())
                .with(user(KintsugiPrincipal.of(reviewer)))
                .exchange());
        assertThat(page.select(".review-aid mark")).isEmpty();
        assertThat(page.select(".review-aid").text()).contains("nothing to reconsider");
    }

    @Test
    void savedSectionTextAndTimelineEntriesAreMarkedForTheWritersAndTheReviewers() throws Exception {
        UserView author = people.member();
        UserView reviewer = people.member();
        PostmortemView p = started(author);
        PostmortemView.Section section = p.sections().stream()
                .filter(s -> s.required() && !s.key().equals("timeline"))
                .findFirst()
                .orElseThrow();
        postmortems.write(
                p.id(),
                section.key(),
                section.version(),
                "The cache stopped refreshing.\nThe engineer was careless and forgot to renew the certificate.",
                author.displayName());
        TimelineItem event = timeline.add(
                p.id(),
                new TimelineEntry(
                        Instant.parse("2026-11-19T08:20:00Z"),
                        "Bob should have checked the dashboard",
                        TimelineKind.OBSERVATION,
                        "",
                        false),
                author.displayName());

        Document writers = html(mvc.get()
                .uri("/postmortems/" + p.id())
                .with(user(KintsugiPrincipal.of(author)))
                .exchange());
        Element saved = writers.selectFirst("#section-" + section.key() + " .coach-saved");
        assertThat(saved).as("the coach under the saved section").isNotNull();
        assertThat(saved.select("mark.coach-mark").eachText()).contains("careless");
        Element mark = saved.selectFirst("mark.coach-mark");
        Element tip = writers.getElementById(mark.attr("aria-describedby"));
        assertThat(tip).isNotNull();
        assertThat(tip.text()).contains("Try:");
        assertThat(writers.select("#event-" + event.id() + " .tl-text mark.coach-mark")
                        .eachText())
                .containsExactly("should have checked");
        Element entry =
                writers.selectFirst("#event-" + event.id() + " .tl-text").clone();
        entry.select(".coach-tip").remove();
        assertThat(entry.text()).isEqualTo("Bob should have checked the dashboard");

        for (PostmortemView.Section s : postmortems.find(p.id()).sections()) {
            if (s.required() && !s.key().equals("timeline") && !s.key().equals(section.key())) {
                postmortems.write(p.id(), s.key(), s.version(), "The cache stopped refreshing.", author.displayName());
            }
        }
        review.submit(p.id(), new Author(author.id(), author.displayName()));
        Document reviewers = html(mvc.get()
                .uri("/postmortems/" + p.id())
                .with(user(KintsugiPrincipal.of(reviewer)))
                .exchange());
        assertThat(reviewers
                        .select("#section-" + section.key() + " .coach-saved mark.coach-mark")
                        .eachText())
                .contains("careless");

        Document viewers = html(mvc.get()
                .uri("/postmortems/" + p.id())
                .with(user(KintsugiPrincipal.of(people.viewer())))
                .exchange());
        assertThat(viewers.select(".coach-saved")).isEmpty();
        assertThat(viewers.select("#event-" + event.id() + " mark")).isEmpty();
    }

    PostmortemView started(UserView owner) {
        String key = incidents
                .declare(
                        new IncidentDetails(
                                "Cache stopped refreshing",
                                "",
                                IncidentKind.SYSTEM,
                                Severity.SEV3,
                                "Prices were stale for an hour.",
                                null,
                                List.of("pricing"),
                                List.of("Storefront"),
                                Instant.parse("2026-11-19T08:00:00Z"),
                                null,
                                null,
                                null,
                                Instant.parse("2026-11-19T09:00:00Z")),
                        owner.displayName())
                .key();
        return postmortems.start(key, null, new Author(owner.id(), owner.displayName()));
    }

    void fillRequired(PostmortemView p, UserView author, String text) {
        for (PostmortemView.Section s : p.sections()) {
            if (s.required() && !s.key().equals("timeline")) {
                postmortems.write(p.id(), s.key(), s.version(), text, author.displayName());
            }
        }
    }
}
