package org.kintsugi.knowledge.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kintsugi.shared.SentenceModel;

/** The failure-mechanism head, on sentences written for this test (neither training sentences nor evaluation text). */
class MechanismHeadTests {

    static final Map<Mechanism, List<String>> CLEAR = Map.ofEntries(
            Map.entry(
                    Mechanism.COMPUTE_EXHAUSTION,
                    List.of(
                            "The worker kept using more memory until the kernel's OOM killer stopped it every hour.",
                            "A memory leak in the image resizer exhausted the heap and the pods were OOM-killed.")),
            Map.entry(
                    Mechanism.STORAGE_FAILURE,
                    List.of(
                            "The database volume filled up and writes failed with no space left on device.",
                            "The disk holding the queue ran out of space, so the broker stopped accepting messages.")),
            Map.entry(
                    Mechanism.LOAD_SURGE,
                    List.of(
                            "A flood of visitors after the television advert sent ten times the usual traffic to the shop.",
                            "Every client retried at once after the blip, and the retry storm overwhelmed the API servers.")),
            Map.entry(
                    Mechanism.CONFIG_CHANGE,
                    List.of(
                            "A change to the configuration file set the connection pool size to one, by mistake.",
                            "Someone edited the feature flag configuration and the wrong value disabled logins.")),
            Map.entry(
                    Mechanism.COMPONENT_UPGRADE,
                    List.of(
                            "After upgrading the third-party database driver to its new major version, queries started failing.",
                            "The new release of the ingress controller we upgraded to changed a default and broke requests.")),
            Map.entry(
                    Mechanism.CODE_REGRESSION,
                    List.of(
                            "A bug in our latest deploy of the billing service charged customers twice.",
                            "Our new release introduced a null pointer exception in the order code path.")),
            Map.entry(
                    Mechanism.UNSAFE_OPERATION,
                    List.of(
                            "An engineer ran the cleanup script against the production database instead of staging.",
                            "All nodes were restarted at the same time during maintenance instead of one by one.")),
            Map.entry(
                    Mechanism.CERT_CREDENTIAL_LIFECYCLE,
                    List.of(
                            "The TLS certificate on the API expired at midnight and clients refused to connect.",
                            "The service account's password expired and every job failed to authenticate.")),
            Map.entry(
                    Mechanism.TRAFFIC_ROUTING,
                    List.of(
                            "The DNS record for the website was deleted, so requests went nowhere though the servers were fine.",
                            "The load balancer had no healthy targets registered, so all requests returned 503.")),
            Map.entry(
                    Mechanism.INFRASTRUCTURE_FAULT,
                    List.of(
                            "A power failure in the cloud provider's data centre took our instances in that zone offline.",
                            "The hosting provider's network had an outage unrelated to any change of ours.")),
            Map.entry(
                    Mechanism.CONTROL_PLANE_BLOCKED,
                    List.of(
                            "The Kubernetes API server was unreachable, so no pods could be scheduled or updated.",
                            "A failing admission webhook blocked every create request to the cluster's API server.")),
            Map.entry(
                    Mechanism.QUOTA_BILLING_LIMIT,
                    List.of(
                            "We reached the account's quota of 20 instances in the region and no new server could be created.",
                            "We used up the monthly request quota of our plan with the maps provider, and every call after that was refused.")),
            Map.entry(
                    Mechanism.SECURITY_COMPROMISE,
                    List.of(
                            "An attacker used a stolen API key to mine cryptocurrency on our servers.",
                            "A distributed denial of service attack from a botnet flooded the login page.")),
            Map.entry(
                    Mechanism.TELEMETRY_PIPELINE,
                    List.of(
                            "Prometheus itself ran out of memory, so we had no metrics or alerts for two hours.",
                            "The log shipper stopped forwarding logs after its parser configuration changed.")));

    @Test
    void readsTheMechanismOfClearSentences() {
        MechanismHead head = MechanismHead.builtIn();
        SentenceModel model = SentenceModel.get();
        List<String> misread = new java.util.ArrayList<>();
        CLEAR.forEach((mechanism, sentences) -> {
            for (String sentence : sentences) {
                var read = head.classify(model.vector(sentence));
                if (!read.equals(java.util.Optional.of(mechanism))) {
                    misread.add(mechanism.id() + " read as "
                            + read.map(Mechanism::id).orElse("none") + ": " + sentence);
                }
            }
        });
        assertThat(misread).isEmpty();
    }

    @Test
    void takesATimelineLineForNoMechanism() {
        float[] vector = SentenceModel.get().vector("14:05 the incident commander joined the call and paged the team.");
        assertThat(MechanismHead.builtIn().classify(vector)).isEmpty();
    }

    @Test
    void profilesSumToOneAndAlikeIncidentsAreCloser() {
        MechanismHead head = MechanismHead.builtIn();
        SentenceModel model = SentenceModel.get();
        float[] cert = head.profile(model.vector("Our TLS certificate expired and browsers showed a warning."));
        float[] otherCert = head.profile(model.vector("The signing key's certificate ran out on Sunday."));
        float[] disk = head.profile(model.vector("The log partition filled the disk and the database stopped."));
        double sum = 0;
        for (float p : cert) sum += p;
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(MechanismHead.similarity(cert, otherCert)).isGreaterThan(MechanismHead.similarity(cert, disk));
    }

    @Test
    void trainsTheSameHeadTwice() throws IOException {
        List<MechanismTraining.Example> all = MechanismTraining.examples(SentenceModel.get());
        List<MechanismTraining.Example> some = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += 6) some.add(all.get(i));
        MechanismHead first = MechanismTraining.train(some, MechanismTraining.L2);
        MechanismHead second = MechanismTraining.train(some, MechanismTraining.L2);
        assertThat(second.format("")).isEqualTo(first.format(""));
    }
}
