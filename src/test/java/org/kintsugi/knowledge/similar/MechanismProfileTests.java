package org.kintsugi.knowledge.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kintsugi.incident.IncidentFixtures;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.shared.SentenceModel;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each incident's failure-mechanism profile is the mean of its passages' profiles, stored beside its embedding; a row
 * made before profiles were stored gets one from the fill-in at start-up.
 */
@KintsugiAppTest
class MechanismProfileTests {

    @Autowired
    IncidentManagement incidents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestPeople people;

    @Autowired
    VectorBackfill backfill;

    @Autowired
    DocumentVectors vectors;

    @Test
    void theProfileIsTheMeanOfThePassagesProfiles() {
        List<String> passages = List.of(
                "The TLS certificate on the load balancer expired and clients could not connect.",
                "We added a note to the onboarding guide.");
        Embedder.Meaning meaning = Embedder.embed(passages);
        MechanismHead head = MechanismHead.builtIn();
        List<float[]> each = SentenceModel.get().vectors(passages);
        float[] first = head.profile(each.get(0));
        float[] second = head.profile(each.get(1));
        double sum = 0;
        for (int i = 0; i < meaning.profile().length; i++) {
            assertThat(meaning.profile()[i]).isCloseTo((first[i] + second[i]) / 2, within(1e-6f));
            sum += meaning.profile()[i];
        }
        assertThat(sum).isCloseTo(1.0, within(1e-4));
        assertThat(MechanismHead.top(meaning.profile())).isEqualTo(Mechanism.CERT_CREDENTIAL_LIFECYCLE);
        assertThat(Embedder.embed(List.of(" ")).profile()).containsOnly(0f);
    }

    @Test
    void aRowWithoutAProfileIsMadeAgainByTheFillIn() {
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        IncidentView incident = incidents.declare(
                IncidentFixtures.sev2(
                        SimilarApiTests.word() + " disk on the database host filled up",
                        "The data volume of the primary database ran out of space and writes failed.",
                        "Writes failed for 20 minutes.",
                        start,
                        start.plus(1, ChronoUnit.HOURS)),
                people.member().displayName());
        long id = incident.id();
        String stored = await().atMost(Duration.ofSeconds(60)).until(() -> profile(id), p -> p != null);
        jdbc.sql("update knowledge_vectors set profile = null where incident_id = ?")
                .param(id)
                .update();

        backfill.fillIn();

        String remade = await().atMost(Duration.ofSeconds(60)).until(() -> profile(id), p -> p != null);
        assertThat(remade).isEqualTo(stored);
        assertThat(DocumentVectors.decode(remade)).hasSize(Mechanism.values().length);
    }

    private String profile(long incidentId) {
        List<String> rows = jdbc.sql("select profile from knowledge_vectors where incident_id = ?")
                .param(incidentId)
                .query((rs, n) -> rs.getString(1))
                .list();
        return rows.isEmpty() ? null : rows.getFirst();
    }
}
