package org.kintsugi.analysis.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTests {

    @TempDir
    Path dir;

    @Test
    void addsRulesAndSwitchesOffListedIds() throws IOException {
        Path file = dir.resolve("language-rules.yml");
        Files.writeString(file, """
                disabled: [hindsight-obviously]
                rules:
                  - id: no-rockstars
                    phrase: rockstar
                    category: judgement
                    explanation: Hero talk hides the system.
                    suggestion: Name the skill and how the team shares it.
                  - id: no-shame
                    regex: "\\\\bwalk of shame\\\\b"
                """);
        RulesFile rules = RulesFile.read(file);
        assertThat(rules.disabled()).containsExactly("hindsight-obviously");
        assertThat(rules.rules()).extracting(CustomRule::id).containsExactly("no-rockstars", "no-shame");
        var review = new RuleSet(BuiltInRules.ALL, rules.rules()).review("Our Rockstar did the walk of shame.");
        assertThat(review.findings()).extracting(Finding::rule).containsExactly("no-rockstars", "no-shame");
        assertThat(review.findings().getFirst().category()).isEqualTo(Category.JUDGEMENT);
        assertThat(review.findings().get(1).category()).isEqualTo(Category.CUSTOM);
    }

    @Test
    void aMissingFileAddsNothing() {
        assertThat(RulesFile.read(dir.resolve("absent.yml"))).isEqualTo(RulesFile.NONE);
        assertThat(RulesFile.NONE.rules()).isEqualTo(List.of());
    }
}
