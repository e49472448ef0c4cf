package org.kintsugi.postmortem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
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
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.TimelineKind;
import org.kintsugi.postmortem.timeline.TimelineEntry;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Exports of a big postmortem (every section full, thousands of events; its PDF takes many seconds) are bounded: one
 * person cannot start more than their share, a render stops at its deadline, and the health probe answers meanwhile.
 */
@KintsugiAppTest
@TestPropertySource(
        properties = {
            "kintsugi.limits.exports-per-person=1",
            "kintsugi.limits.export-deadline=2s",
            "kintsugi.limits.pdf-size=50000000",
            "kintsugi.web.concurrent-requests=1"
        })
class ExportLimitsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestPeople people;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    PostmortemManagement postmortems;

    @Autowired
    PostmortemTimeline timeline;

    UserView member;
    long pm;
    final ExecutorService background = Executors.newFixedThreadPool(6);

    @BeforeEach
    void bigPostmortem() {
        member = people.member();
        String key = incidents
                .declare(
                        new IncidentDetails(
                                "Orders queue backlog",
                                "",
                                IncidentKind.SYSTEM,
                                Severity.SEV2,
                                "Orders waited.",
                                null,
                                List.of("orders"),
                                List.of("Fulfilment"),
                                Instant.parse("2026-11-19T08:00:00Z"),
                                null,
                                null,
                                null,
                                Instant.parse("2026-11-19T20:00:00Z")),
                        member.displayName())
                .key();
        PostmortemView p = postmortems.start(key, null, new Author(member.id(), member.displayName()));
        pm = p.id();
        for (PostmortemView.Section s : p.sections()) {
            postmortems.write(
                    pm,
                    s.key(),
                    s.version(),
                    "The consumer fell behind while the retry policy made sense at the time. ".repeat(1300),
                    member.displayName());
        }
        List<TimelineEntry> events = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            events.add(new TimelineEntry(
                    Instant.parse("2026-11-19T08:00:00Z").plusSeconds(i * 20L),
                    "Consumer lag on partition " + i + " grew; the worker pool was restarted",
                    TimelineKind.OBSERVATION,
                    "#incident-orders",
                    false));
        }
        timeline.addAll(pm, events, member.displayName());
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    MvcResult pdf(UserView as) throws Exception {
        return mvc.perform(get("/api/v1/postmortems/" + pm + "/export?format=pdf")
                        .with(httpBasic(as.email(), TestPeople.PASSWORD)))
                .andReturn();
    }

    @Test
    void aPersonsSecondExportIs429AndARenderPastItsDeadlineStopsNamingTheLimit() throws Exception {
        long start = System.nanoTime();
        MvcResult first = pdf(member);
        MvcResult second = pdf(member);
        assertThat(second.getResponse().getStatus()).isEqualTo(429);
        assertThat(second.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat((String) JsonPath.read(second.getResponse().getContentAsString(), "$.limit"))
                .isEqualTo("kintsugi.limits.exports-per-person");

        first.getAsyncResult(20_000);
        var answer = mvc.perform(asyncDispatch(first)).andReturn().getResponse();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("A PDF export past its 2 s deadline was answered after %.1f s%n", seconds);
        assertThat(answer.getStatus()).isEqualTo(413);
        assertThat((String) JsonPath.read(answer.getContentAsString(), "$.limit"))
                .isEqualTo("kintsugi.limits.export-deadline");
        // The person's slot comes back only once the render has stopped, so a new export is let in soon after.
        long waited = 0;
        MvcResult again;
        do {
            Thread.sleep(100);
            waited += 100;
            again = mvc.perform(get("/api/v1/postmortems/" + pm + "/export?format=markdown")
                            .with(httpBasic(member.email(), TestPeople.PASSWORD)))
                    .andReturn();
        } while (again.getResponse().getStatus() == 429 && waited < 5_000);
        again.getAsyncResult(20_000);
        assertThat(mvc.perform(asyncDispatch(again)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        System.out.printf("The render had stopped %d ms after the deadline answer%n", waited);
    }

    @Test
    void healthAnswersWithinASecondWhileExportsAndPagesAreBusy() throws Exception {
        KintsugiPrincipal me = KintsugiPrincipal.of(member);
        assertThat(mvc.perform(get("/actuator/health"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            UserView other = people.member();
            background.submit(() -> pdf(other));
        }
        for (int i = 0; i < 3; i++) {
            background.submit(
                    () -> mvc.perform(get("/postmortems/" + pm).with(user(me))).andReturn());
        }
        Thread.sleep(500);
        long start = System.nanoTime();
        var health = mvc.perform(get("/actuator/health")).andReturn().getResponse();
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Health answered in " + ms + " ms while two PDF exports and three pages were busy");
        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(ms).isLessThan(1000);
    }
}
