package org.kintsugi.analysis.whys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kintsugi.shared.RefusedException;

/** The budget's arithmetic, without a database. */
class VoteBudgetTests {

    final VoteBudget budget = VoteBudget.DEFAULT;

    @Test
    void allowsAVoteWithinBothLimits() {
        assertThatCode(() -> budget.allowOneMore(2, 1)).doesNotThrowAnyException();
    }

    @Test
    void refusesTheFourthVoteOnATreeSayingWhatToDo() {
        assertThatThrownBy(() -> budget.allowOneMore(3, 0))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("used all 3 of your votes")
                .hasMessageContaining("Withdraw a vote");
    }

    @Test
    void refusesAThirdVoteOnOneAnswer() {
        assertThatThrownBy(() -> budget.allowOneMore(2, 2))
                .isInstanceOf(RefusedException.class)
                .hasMessage("You have given this answer 2 votes, the most one person may give one answer.");
    }

    @Test
    void countsWhatIsLeftAndNeverBelowNothing() {
        assertThat(budget.left(1)).isEqualTo(2);
        assertThat(new VoteBudget(2, 1).left(3)).isZero();
    }
}
