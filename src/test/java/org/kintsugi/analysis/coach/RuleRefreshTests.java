package org.kintsugi.analysis.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.kintsugi.support.KintsugiAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A rule switched off on another node reaches this node's coach at its next refresh, without a restart. */
@KintsugiAppTest
class RuleRefreshTests {

    static final String BOB = "Bob should have checked the dashboard.";

    @Autowired
    LanguageRules rules;

    @Autowired
    LanguageCoach coach;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSwitchWrittenByAnotherNodeTakesEffectAtTheNextRefresh() {
        rules.switchRule("hindsight-should-have", true);
        assertThat(coach.review(BOB).findings()).extracting(Finding::rule).contains("hindsight-should-have");
        try {
            // what another node's switchRule writes, bypassing this node's rebuild
            jdbc.sql("delete from language_rule_switches where rule_id = ?")
                    .param("hindsight-should-have")
                    .update();
            jdbc.sql("insert into language_rule_switches (rule_id, enabled, changed_at) values (?, ?, ?)")
                    .params("hindsight-should-have", false, OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
            assertThat(coach.review(BOB).findings()).extracting(Finding::rule).contains("hindsight-should-have");
            rules.refresh();
            assertThat(coach.review(BOB).findings()).extracting(Finding::rule).doesNotContain("hindsight-should-have");
        } finally {
            jdbc.sql("delete from language_rule_switches where rule_id = ?")
                    .param("hindsight-should-have")
                    .update();
            rules.refresh();
        }
        assertThat(coach.review(BOB).findings()).extracting(Finding::rule).contains("hindsight-should-have");
    }
}
