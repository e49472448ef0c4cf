package org.kintsugi.postmortem.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kintsugi.shared.InvalidInputException;

class TemplateDraftTests {

    @Test
    void keysComeFromHeadings() {
        var draft = new TemplateDraft(
                        "Launch review",
                        "",
                        List.of(
                                new SectionDefinition("", "Why were we surprised?", "", true),
                                new SectionDefinition("", "Participants' accounts", "", false)))
                .checked();
        assertThat(draft.sections())
                .extracting(SectionDefinition::key)
                .containsExactly("why-were-we-surprised", "participants-accounts");
    }

    @Test
    void namesEachProblemByItsField() {
        var draft = new TemplateDraft(
                " ",
                "",
                List.of(
                        new SectionDefinition("", "", "", false),
                        new SectionDefinition("", "???", "", false),
                        new SectionDefinition("", "Impact", "", false),
                        new SectionDefinition("", "impact", "", false)));
        assertThatThrownBy(draft::checked)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.byField())
                                .containsOnlyKeys(
                                        "name", "sections[0].heading", "sections[1].heading", "sections[3].heading"));
    }

    @Test
    void theBuiltInTemplatesAreValidAndEachSectionHasGuidance() {
        BuiltInTemplates.all().forEach((name, draft) -> {
            assertThat(draft.checked().sections()).isNotEmpty();
            assertThat(draft.sections())
                    .allSatisfy(s -> assertThat(s.guidance()).isNotBlank());
        });
        assertThat(BuiltInTemplates.all()).hasSize(5);
    }

    @Test
    void theBuiltInTemplatesHaveTheSectionsAskedFor() {
        assertThat(BuiltInTemplates.all().get(BuiltInTemplates.FIVE_WHYS).sections())
                .extracting(SectionDefinition::heading)
                .containsExactly(
                        "Summary",
                        "Lead-up",
                        "Fault",
                        "Impact",
                        "Detection",
                        "Response",
                        "Recovery",
                        "Timeline",
                        "Five whys",
                        "Root cause",
                        "Backlog check",
                        "Recurrence",
                        "Lessons learned",
                        "Corrective actions");
        assertThat(BuiltInTemplates.all().get(BuiltInTemplates.RETROSPECTIVE).sections())
                .extracting(SectionDefinition::heading)
                .containsExactly("How did it go?", "Start doing", "Stop doing", "Keep doing", "Metrics to watch");
    }
}
