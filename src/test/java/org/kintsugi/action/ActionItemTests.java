package org.kintsugi.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;

class ActionItemTests {

    static final Instant PROPOSED = Instant.parse("2026-11-20T09:00:00Z");
    static final Duration SOAK = Duration.ofHours(48);

    static ActionItem proposal() {
        var details = new ActionDetails(
                "Stage config pushes by region",
                "",
                LocalDate.parse("2026-12-15"),
                Priority.P2,
                ActionType.PREVENT,
                "No config push reaches more than one region at once");
        return new ActionItem(1, null, details, new ActionItem.Owner(7, "Olu Owner"), "Ada", PROPOSED);
    }

    static ActionItem committed() {
        ActionItem item = proposal();
        item.commit(PROPOSED.plus(SOAK), SOAK, false, null);
        return item;
    }

    @Nested
    @DisplayName("soak time")
    class Soak {

        @Test
        void aProposalCannotBeCommittedWhileItSoaks() {
            ActionItem item = proposal();
            assertThatThrownBy(() -> item.commit(PROPOSED.plus(Duration.ofHours(47)), SOAK, false, null))
                    .isInstanceOf(RefusedException.class)
                    .hasMessageContaining("still soaking: it can be committed from 2026-11-22 09:00 UTC");
            assertThat(item.status()).isEqualTo(ActionStatus.PROPOSED);
        }

        @Test
        void onceSoakedAnyoneMayCommit() {
            ActionItem item = proposal();
            var change = item.commit(PROPOSED.plus(SOAK), SOAK, false, null);
            assertThat(item.status()).isEqualTo(ActionStatus.COMMITTED);
            assertThat(change.what()).isEqualTo("committed");
        }

        @Test
        void thePostmortemOwnerMayCommitEarlyWithAReasonThatIsKept() {
            ActionItem item = proposal();
            Instant early = PROPOSED.plus(Duration.ofHours(2));
            assertThatThrownBy(() -> item.commit(early, SOAK, true, " "))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("reason:");
            var change = item.commit(early, SOAK, true, "The same push can recur tomorrow.");
            assertThat(change.detail()).isEqualTo("before the soak time ended: The same push can recur tomorrow.");
            assertThat(item.view(SOAK, Progress.NONE).earlyCommitReason())
                    .isEqualTo("The same push can recur tomorrow.");
        }
    }

    @Nested
    @DisplayName("its life")
    class Life {

        @Test
        void doneItemsAreDueForVerificationThirtyDaysLater() {
            ActionItem item = committed();
            item.start(PROPOSED.plus(Duration.ofDays(3)));
            item.complete(Instant.parse("2026-12-01T10:00:00Z"), 30);
            assertThat(item.status()).isEqualTo(ActionStatus.DONE);
            assertThat(item.view(SOAK, Progress.NONE).verifyBy()).isEqualTo(LocalDate.parse("2026-12-31"));
        }

        @Test
        void verifyingNeedsEvidenceAndNotEffectiveCanReopen() {
            ActionItem item = committed();
            item.complete(Instant.parse("2026-12-01T10:00:00Z"), 30);
            assertThatThrownBy(() -> item.verify(false, "", Instant.parse("2026-12-31T10:00:00Z")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("evidence:");
            item.verify(false, "The same outage happened on 28 December.", Instant.parse("2026-12-31T10:00:00Z"));
            assertThat(item.status()).isEqualTo(ActionStatus.NOT_EFFECTIVE);
            item.reopen(Instant.parse("2027-01-02T10:00:00Z"));
            assertThat(item.status()).isEqualTo(ActionStatus.IN_PROGRESS);
        }

        @Test
        void dropping() {
            ActionItem item = proposal();
            assertThatThrownBy(() -> item.drop(" ", PROPOSED))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("reason:");
            item.drop("Covered by the region rollout project.", PROPOSED);
            assertThat(item.status()).isEqualTo(ActionStatus.DROPPED);
            assertThatThrownBy(() -> item.drop("again", PROPOSED))
                    .isInstanceOf(RefusedException.class)
                    .hasMessage("An item that is dropped cannot be dropped.");
        }

        @Test
        void refusesTransitionsOutOfOrder() {
            ActionItem item = proposal();
            assertThatThrownBy(() -> item.start(PROPOSED)).hasMessage("An item that is proposed cannot be started.");
            assertThatThrownBy(() -> item.complete(PROPOSED, 30))
                    .hasMessage("An item that is proposed cannot be completed.");
            assertThatThrownBy(() -> item.verify(true, "x", PROPOSED))
                    .hasMessage("An item that is proposed cannot be verified.");
            assertThatThrownBy(() -> item.reopen(PROPOSED)).hasMessage("An item that is proposed cannot be reopened.");
            ActionItem done = committed();
            done.complete(PROPOSED.plus(SOAK), 30);
            assertThatThrownBy(() -> done.drop("late", PROPOSED.plus(SOAK)))
                    .hasMessage("An item that is done cannot be dropped.");
        }
    }

    @Test
    void rulesNameEveryField() {
        var details = new ActionDetails(" ", "", LocalDate.parse("2026-11-01"), Priority.P2, ActionType.DETECT, "");
        assertThat(ActionRules.problems(details, PROPOSED))
                .extracting(p -> p.field())
                .containsExactly("title", "verification", "dueDate");
    }

    @Test
    void progressCountsDoneOfTheStepsNotDropped() {
        assertThat(new Progress(1, 3).percent()).isEqualTo(33);
        assertThat(Progress.NONE.percent()).isZero();
    }
}
