package org.kintsugi.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kintsugi.support.KintsugiAppTest;
import org.kintsugi.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Measure the coach on the blind test splits of the coach set ({@code coach-set/test.tsv} and {@code test-2.tsv}, see
 * README-test.md), through
 * {@code POST /api/v1/language/review} as any client would call it: a sentence counts as flagged when the response
 * holds a finding. Nothing in the coach was tuned on this split; the figures per category are printed for the README.
 *
 * <p>The coach does not reach the target yet (precision 0.90, recall 0.85): it measures precision 0.757 and recall
 * 0.814 here (0.768 and 0.783 before the third batch of training sentences and the wider choice of sentences to weigh;
 * 0.801 and 0.727 before the second batch). The test runs in every build and asserts what the coach reaches, rounded
 * down (0.75 and 0.81), so it cannot slip back unnoticed; raise the floors as the coach improves, up to the target.
 * The second split, written later by another blind writer and never trained on, measured precision 0.836 and recall
 * 0.808 when first read (floors 0.83 and 0.80).
 */
@KintsugiAppTest
class CoachTestSplitTests {

    static final Set<String> BLAME = Set.of("attribution", "judgement", "human-error", "counterfactual");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestPeople people;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"test.tsv, 0.75, 0.81", "test-2.tsv, 0.83, 0.80"})
    void flagsBlameOnTheBlindTestSplitNoWorseThanItDoesToday(String split, double precisionFloor, double recallFloor)
            throws Exception {
        List<String[]> rows = rows(split);
        Map<String, int[]> byLabel = new TreeMap<>();
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        for (String[] row : rows) {
            boolean blame = BLAME.contains(row[0]);
            boolean flagged = flagged(row[1]);
            int[] counts = byLabel.computeIfAbsent(row[0], label -> new int[2]);
            counts[flagged ? 1 : 0]++;
            if (flagged && blame) truePositives++;
            else if (flagged) falsePositives++;
            else if (blame) falseNegatives++;
        }
        double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
        double recall = truePositives / (double) Math.max(1, truePositives + falseNegatives);
        System.out.printf(
                Locale.ROOT,
                "%s: %d sentences; precision %.3f, recall %.3f (blame vs ok)%n",
                split,
                rows.size(),
                precision,
                recall);
        byLabel.forEach((label, counts) -> System.out.printf(
                Locale.ROOT,
                "  %-18s %-5s flagged %3d of %3d (%.0f%%)%n",
                label,
                BLAME.contains(label) ? "blame" : "ok",
                counts[1],
                counts[0] + counts[1],
                100.0 * counts[1] / (counts[0] + counts[1])));
        assertThat(rows).hasSizeGreaterThan(300);
        assertThat(precision).as("precision on " + split + " (target 0.90)").isGreaterThanOrEqualTo(precisionFloor);
        assertThat(recall).as("recall on " + split + " (target 0.85)").isGreaterThanOrEqualTo(recallFloor);
    }

    private boolean flagged(String sentence) throws Exception {
        StringBuilder json = new StringBuilder("{\"text\": \"");
        for (char c : sentence.toCharArray()) {
            if (c == '"' || c == '\\') json.append('\\').append(c);
            else if (c < 0x20) json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            else json.append(c);
        }
        json.append("\"}");
        var result = mvc.post()
                .uri("/api/v1/language/review")
                .with(httpBasic(people.member().email(), TestPeople.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.toString())
                .exchange();
        assertThat(result).hasStatusOk();
        List<Object> findings = JsonPath.read(result.getResponse().getContentAsString(), "$.findings");
        return !findings.isEmpty();
    }

    static List<String[]> rows(String split) throws IOException {
        try (InputStream in = CoachTestSplitTests.class.getResourceAsStream("/language/coach-set/" + split)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            return java.util.Arrays.stream(lines)
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split("\t", -1))
                    .toList();
        }
    }
}
