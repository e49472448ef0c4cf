package org.kintsugi.incident.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentFilter;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentMatches;
import org.kintsugi.incident.IncidentPage;
import org.kintsugi.incident.IncidentStatus;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.incident.Lifecycle;
import org.kintsugi.incident.Severity;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(IncidentController.class)
@Import({Times.class, IncidentControllerTests.FixedClock.class})
class IncidentControllerTests {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final Instant STARTED = Instant.parse("2026-11-21T09:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    IncidentManagement incidents;

    final KintsugiPrincipal member = KintsugiPrincipal.of(
            new UserView(7, "lin@kintsugi.test", "Lin", Role.MEMBER, true, ZoneId.of("Europe/Copenhagen"), NOW));

    static IncidentView incident(String title, long version) {
        return new IncidentView(
                42,
                "INC-42",
                version,
                title,
                "",
                IncidentKind.PROCESS,
                Severity.SEV2,
                IncidentStatus.MITIGATED,
                "Two teams waited a day",
                null,
                List.of("handover"),
                List.of("Support"),
                new Lifecycle(STARTED, STARTED.plusSeconds(600), null, STARTED.plusSeconds(3600), null),
                "Lin",
                STARTED,
                NOW);
    }

    @Test
    void htmxFilterRequestGetsOnlyTheResultsFragment() {
        given(incidents.browse(any(IncidentFilter.class)))
                .willReturn(new IncidentMatches(
                        new PageImpl<>(List.of(incident("Handover missed an escalation", 0))), null));
        var result = mvc.get()
                .uri("/incidents?severity=SEV2&q=handover")
                .header("HX-Request", "true")
                .with(user(member))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyText()
                .contains("id=\"incident-results\"")
                .contains("Handover missed an escalation")
                .doesNotContain("<html")
                .doesNotContain("id=\"incident-filters\"");
    }

    @Test
    void plainRequestGetsTheWholePageWithFiltersKept() {
        given(incidents.browse(any(IncidentFilter.class)))
                .willReturn(new IncidentMatches(
                        new PageImpl<>(List.of(incident("Handover missed an escalation", 0))), null));
        var result = mvc.get()
                .uri("/incidents?severity=SEV2&q=handover")
                .with(user(member))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyText()
                .contains("<html")
                .contains("id=\"incident-filters\"")
                .contains("value=\"handover\"")
                .containsPattern("value=\"SEV2\"\\s+checked");
    }

    @Test
    void searchWhoseCountStoppedSaysMoreThanAndOffersTheNextPageWithoutALastOne() {
        given(incidents.browse(any(IncidentFilter.class)))
                .willReturn(new IncidentMatches(
                        new PageImpl<>(
                                List.of(incident("Handover missed an escalation", 0)), PageRequest.of(0, 25), 101),
                        100L));
        var result = mvc.get()
                .uri("/incidents?severity=SEV2&q=handover")
                .header("HX-Request", "true")
                .with(user(member))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyText()
                .contains("More than <span>100</span> incidents match these filters.")
                .contains("Page <span>1</span></span>")
                .contains("rel=\"next\"")
                .doesNotContain(" of <span>");
    }

    @Test
    void exactCountShowsTheNumberOfPages() {
        given(incidents.browse(any(IncidentFilter.class)))
                .willReturn(new IncidentMatches(
                        new PageImpl<>(
                                List.of(incident("Handover missed an escalation", 0)), PageRequest.of(0, 25), 60),
                        null));
        var result = mvc.get()
                .uri("/incidents?severity=SEV2&q=handover")
                .header("HX-Request", "true")
                .with(user(member))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyText()
                .contains("<span>60</span> incident<span>s</span><span> match these filters</span>.")
                .contains("Page <span>1</span> of <span>3</span>")
                .doesNotContain("More than");
    }

    @Test
    void declarationWithBadMomentsShowsTheMessageByTheFieldAndKeepsTheInput() {
        given(incidents.declare(any(IncidentDetails.class), anyString()))
                .willThrow(new InvalidInputException(
                        List.of(new FieldProblem("detectedAt", "cannot be before the start"))));
        var result = mvc.post()
                .uri("/incidents")
                .with(user(member))
                .with(csrf())
                .param("title", "Badge readers offline")
                .param("kind", "system")
                .param("severity", "SEV3")
                .param("impact", "Staff could not enter the office")
                .param("zone", "Europe/Copenhagen")
                .param("startedAt", "2026-11-21T09:00")
                .param("detectedAt", "2026-11-21T08:00")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(result)
                .bodyText()
                .contains("id=\"detectedAt-error\"")
                .contains("Detected cannot be before the start")
                .contains("value=\"Badge readers offline\"")
                .contains("value=\"2026-11-21T08:00\"");
    }

    @Test
    void unreadableNumberIsNamedWithoutCallingTheModule() {
        var result = mvc.post()
                .uri("/incidents")
                .with(user(member))
                .with(csrf())
                .param("title", "Badge readers offline")
                .param("peopleAffected", "about forty")
                .param("startedAt", "2026-11-21T09:00")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(result)
                .bodyText()
                .contains("People affected &#39;about forty&#39; is not a whole number")
                .contains("value=\"about forty\"");
    }

    @Test
    void staleSaveShowsTheirVersionBesideMine() {
        given(incidents.find("INC-42")).willReturn(incident("Their title", 3));
        given(incidents.revise(eq("INC-42"), anyLong(), any(IncidentDetails.class), anyString()))
                .willThrow(new StaleVersionException("INC-42", 2, 3));
        var result = mvc.post()
                .uri("/incidents/INC-42")
                .with(user(member))
                .with(csrf())
                .param("title", "My title")
                .param("kind", "process")
                .param("severity", "SEV2")
                .param("impact", "Two teams waited a day")
                .param("zone", "Europe/Copenhagen")
                .param("startedAt", "2026-11-21T10:00")
                .param("version", "2")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CONFLICT);
        assertThat(result)
                .bodyText()
                .contains("Someone else saved this incident")
                .contains("<td class=\"mine\">My title</td>")
                .contains("<td class=\"theirs\">Their title</td>")
                .contains("name=\"version\" value=\"3\"")
                .contains("Save mine over theirs");
    }

    @Test
    void incidentPageShowsDurationsAndPhaseBar() {
        given(incidents.page("INC-42"))
                .willReturn(new IncidentPage(incident("Handover missed an escalation", 0), List.of()));
        var result = mvc.get().uri("/incidents/INC-42").with(user(member)).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyText()
                .contains("<svg")
                .contains("phase-undetected")
                .contains("Time to detect")
                .contains("10m")
                .contains("1h 00m")
                .contains("2026-11-21 10:00 CET");
    }
}
