package org.kintsugi.analysis.whys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kintsugi.shared.InvalidInputException;

/** What an answer and its evidence must be, without a database. */
class AnswerRulesTests {

    @Test
    void acceptsOnlyAbsoluteHttpAndHttpsAddressesWithAHost() {
        assertThat(AnswerRules.isWebAddress("https://grafana.example/d/pool?from=now-1h"))
                .isTrue();
        assertThat(AnswerRules.isWebAddress("HTTP://wiki.example/runbooks/pool"))
                .isTrue();
        assertThat(AnswerRules.isWebAddress("ftp://files.example/log")).isFalse();
        assertThat(AnswerRules.isWebAddress("javascript:alert(1)")).isFalse();
        assertThat(AnswerRules.isWebAddress("https:///nohost")).isFalse();
        assertThat(AnswerRules.isWebAddress("/relative/path")).isFalse();
        assertThat(AnswerRules.isWebAddress("https://example.com/a b")).isFalse();
        assertThat(AnswerRules.isWebAddress("")).isFalse();
    }

    @Test
    void stripsTheAnswerAndLabelsEvidenceThatHasNoLabel() {
        WhyAnswer checked = AnswerRules.checked(
                new WhyAnswer(
                        "  The pool was exhausted  ",
                        List.of(
                                new Evidence(EvidenceKind.TIMELINE_EVENT, " 7 ", ""),
                                new Evidence(EvidenceKind.URL, "https://grafana.example/d/pool", " "))),
                Map.of(7L, "Pool   saturation\nalert fired"),
                Map.of());
        assertThat(checked.answer()).isEqualTo("The pool was exhausted");
        assertThat(checked.evidence())
                .containsExactly(
                        new Evidence(EvidenceKind.TIMELINE_EVENT, "7", "Pool saturation alert fired"),
                        new Evidence(
                                EvidenceKind.URL, "https://grafana.example/d/pool", "https://grafana.example/d/pool"));
    }

    @Test
    void namesEachFieldThatIsWrong() {
        assertThatThrownBy(() -> AnswerRules.checked(
                        new WhyAnswer(
                                "x".repeat(2001),
                                List.of(
                                        new Evidence(EvidenceKind.ACCOUNT_ENTRY, "0", ""),
                                        new Evidence(EvidenceKind.URL, "https://ok.example", "l".repeat(201)))),
                        Map.of(),
                        Map.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.byField())
                                .containsOnlyKeys("answer", "evidence[0].ref", "evidence[1].label"));
    }
}
