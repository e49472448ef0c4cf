package org.kintsugi.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kintsugi.incident.IncidentFixtures.STARTED;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kintsugi.shared.InvalidInputException;

class IncidentTests {

    static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void declaredIncidentTakesItsStatusFromItsMoments() {
        Incident incident = new Incident(IncidentFixtures.sev1Outage(), "Ada", NOW);
        assertThat(incident.status()).isEqualTo(IncidentStatus.MITIGATED);
    }

    @Test
    void refusesMomentsOutOfOrderAndSaysWhich() {
        var details = IncidentFixtures.with(
                IncidentFixtures.sev1Outage(), new Lifecycle(STARTED, STARTED.minusSeconds(60), null, null, null));
        assertThatThrownBy(() -> new Incident(details, "Ada", NOW))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("detectedAt: cannot be before the start");
    }

    @Test
    void revisionReportsEachChangedFieldWithOldAndNewValue() {
        Incident incident = new Incident(IncidentFixtures.sev1Outage(), "Ada", NOW);
        var changes = incident.revise(IncidentFixtures.titled(IncidentFixtures.sev1Outage(), "Payments down"), NOW);
        assertThat(changes)
                .containsExactly(new Incident.Change("title", "Checkout unavailable in the EU", "Payments down"));
    }

    @Test
    void resolvingRecordsTheMomentAndTheNewStatus() {
        Incident incident = new Incident(IncidentFixtures.sev1Outage(), "Ada", NOW);
        var changes = incident.resolve(STARTED.plusSeconds(3600), NOW);
        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(changes)
                .containsExactly(
                        new Incident.Change("resolvedAt", null, "2026-11-20T11:00:00Z"),
                        new Incident.Change("status", "mitigated", "resolved"));
    }

    @Test
    void refusesResolutionBeforeTheStart() {
        Incident incident = new Incident(IncidentFixtures.sev1Outage(), "Ada", NOW);
        assertThatThrownBy(() -> incident.resolve(STARTED.minusSeconds(1), NOW))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("resolvedAt: cannot be before the start");
        assertThat(incident.status()).isEqualTo(IncidentStatus.MITIGATED);
    }

    @Test
    void refusesResolvingTwice() {
        Incident incident = new Incident(IncidentFixtures.sev1Outage(), "Ada", NOW);
        incident.resolve(STARTED.plusSeconds(3600), NOW);
        assertThatThrownBy(() -> incident.resolve(STARTED.plusSeconds(7200), NOW))
                .hasMessageContaining("already resolved");
    }

    @Test
    void keepsTagsAsTypedWithoutBlanksOrDuplicates() {
        assertThat(Incident.tags(List.of(" checkout", "Checkout", "", "dns "))).containsExactly("checkout", "dns");
    }
}
