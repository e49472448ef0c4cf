package org.kintsugi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.Scenario;

@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class IncidentEventsTests {

    @Autowired
    IncidentManagement incidents;

    @Test
    void declaringPublishesIncidentDeclared(Scenario scenario) {
        scenario.stimulate(() -> incidents.declare(IncidentFixtures.sev1Outage(), "Ada"))
                .andWaitForEventOfType(IncidentDeclared.class)
                .toArriveAndVerify((event, incident) -> {
                    assertThat(event.key()).isEqualTo(incident.key());
                    assertThat(event.severity()).isEqualTo(Severity.SEV1);
                    assertThat(event.kind()).isEqualTo(IncidentKind.SYSTEM);
                });
    }

    @Test
    void resolvingPublishesIncidentResolvedWithTheMoment(Scenario scenario) {
        IncidentView incident = incidents.declare(IncidentFixtures.failedHandover(), "Ada");
        Instant at = IncidentFixtures.STARTED.plusSeconds(5400);
        scenario.stimulate(() -> incidents.resolve(incident.key(), incident.version(), at, "Ada"))
                .andWaitForEventOfType(IncidentResolved.class)
                .matching(event -> event.incidentId() == incident.id())
                .toArriveAndVerify(event -> {
                    assertThat(event.resolvedAt()).isEqualTo(at);
                    assertThat(event.kind()).isEqualTo(IncidentKind.PROCESS);
                });
    }

    @Test
    void revisionThatLeavesTheIncidentOpenPublishesNoResolution(PublishedEvents events) {
        IncidentView incident = incidents.declare(IncidentFixtures.failedHandover(), "Ada");
        incidents.revise(
                incident.key(),
                incident.version(),
                IncidentFixtures.titled(IncidentFixtures.failedHandover(), "Handover missed two escalations"),
                "Ada");
        assertThat(events.ofType(IncidentDeclared.class).matching(e -> e.incidentId() == incident.id()))
                .hasSize(1);
        assertThat(events.ofType(IncidentResolved.class)).isEmpty();
    }
}
