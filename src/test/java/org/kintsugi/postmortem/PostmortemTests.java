package org.kintsugi.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.template.SectionDefinition;
import org.kintsugi.postmortem.template.TemplateView;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;

class PostmortemTests {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final Author OWNER = new Author(1, "Olu Owner");

    static Postmortem fromTemplate(SectionDefinition... sections) {
        var template = new TemplateView(7, "Tiny", "", 1, false, null, List.of(sections), 0);
        var start = new Postmortem.Start(3, "INC-3", "Queue backlog", Severity.SEV3, List.of("Platform"), null);
        return new Postmortem(start, template, OWNER, NOW);
    }

    static Postmortem tiny() {
        return fromTemplate(
                SectionDefinition.required("summary", "Summary", "What happened?"),
                SectionDefinition.optional("notes", "Notes", ""));
    }

    @Nested
    @DisplayName("submitting for review")
    class Submitting {

        @Test
        void refusesWithEveryEmptyRequiredSection() {
            Postmortem p = fromTemplate(
                    SectionDefinition.required("summary", "Summary", ""),
                    SectionDefinition.required("impact", "Impact", ""),
                    SectionDefinition.optional("notes", "Notes", ""));
            assertThatThrownBy(() -> p.submit(NOW))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("sections.summary: Summary is required before review;"
                            + " sections.impact: Impact is required before review");
            assertThat(p.status()).isEqualTo(PostmortemStatus.DRAFT);
        }

        @Test
        void aSectionOfOnlySpacesCountsAsEmpty() {
            Postmortem p = tiny();
            p.section("summary").write("  \n ", "Olu", NOW);
            assertThatThrownBy(() -> p.submit(NOW)).isInstanceOf(InvalidInputException.class);
        }

        @Test
        void goesToReviewOnceTheRequiredSectionsAreWritten() {
            Postmortem p = tiny();
            p.section("summary").write("The queue backed up.", "Olu", NOW);
            p.submit(NOW);
            assertThat(p.status()).isEqualTo(PostmortemStatus.IN_REVIEW);
        }
    }

    @Nested
    @DisplayName("its life after review")
    class Life {

        Postmortem inReview() {
            Postmortem p = tiny();
            p.section("summary").write("The queue backed up.", "Olu", NOW);
            p.submit(NOW);
            return p;
        }

        @Test
        void onlyADraftChanges() {
            Postmortem p = inReview();
            assertThatThrownBy(() -> p.write("summary", 0, "Later edit", "Olu", NOW, 100_000))
                    .isInstanceOf(RefusedException.class)
                    .hasMessageContaining("withdraw it to draft first");
        }

        @Test
        void onlyAnApprovedPostmortemIsPublished() {
            Postmortem p = inReview();
            assertThatThrownBy(() -> p.publish("Olu", NOW))
                    .isInstanceOf(RefusedException.class)
                    .hasMessage("Only a postmortem that is approved can be published; this one is in review.");
            p.approved(NOW);
            p.publish("Rey", NOW);
            assertThat(p.status()).isEqualTo(PostmortemStatus.PUBLISHED);
            assertThat(p.view().publishedBy()).isEqualTo("Rey");
        }

        @Test
        void amendingStartsTheNextRevisionAsADraft() {
            Postmortem p = inReview();
            p.approved(NOW);
            p.publish("Rey", NOW);
            p.amend(NOW);
            assertThat(p.revision()).isEqualTo(2);
            assertThat(p.status()).isEqualTo(PostmortemStatus.DRAFT);
            assertThat(p.view().overdueAt(NOW.plusSeconds(1))).isFalse();
        }

        @Test
        void requestingChangesKeepsTheComment() {
            Postmortem p = inReview();
            p.changesRequested("Say how many people were affected.", NOW);
            assertThat(p.status()).isEqualTo(PostmortemStatus.DRAFT);
            assertThat(p.view().changesRequested()).isEqualTo("Say how many people were affected.");
        }
    }

    @Nested
    @DisplayName("who writes it")
    class Authors {

        @Test
        void handingOverKeepsThePreviousOwnerAsCoAuthor() {
            Postmortem p = tiny();
            p.handOver(new Author(2, "Nia New"), NOW);
            assertThat(p.view().owner()).isEqualTo(new Author(2, "Nia New"));
            assertThat(p.view().coAuthors()).containsExactly(OWNER);
            assertThat(p.isAuthor(1)).isTrue();
            assertThat(p.isAuthor(3)).isFalse();
        }

        @Test
        void theOwnerIsNotAddedAsTheirOwnCoAuthor() {
            Postmortem p = tiny();
            p.share(OWNER, NOW);
            assertThat(p.view().coAuthors()).isEmpty();
        }
    }

    @Test
    void overdueMeansPastTheDueDateAndNotPublished() {
        var template = new TemplateView(
                7, "Tiny", "", 1, false, null, List.of(SectionDefinition.optional("notes", "Notes", "")), 0);
        var start = new Postmortem.Start(3, "INC-3", "Queue backlog", Severity.SEV1, List.of(), NOW);
        Postmortem p = new Postmortem(start, template, OWNER, NOW);
        assertThat(p.view().overdueAt(NOW)).isFalse();
        assertThat(p.view().overdueAt(NOW.plusSeconds(60))).isTrue();
    }
}
