package org.kintsugi.analysis.whys;

import org.kintsugi.shared.RefusedException;

/**
 * How many votes each person has per tree, and how many of them one answer may get from one person.
 *
 * @param perPerson votes each person may spend on one tree
 * @param perNode the most votes one person may give one answer
 */
public record VoteBudget(int perPerson, int perNode) {

    /** The budget Kintsugi starts with. */
    public static final VoteBudget DEFAULT = new VoteBudget(3, 2);

    /** Refuse one more vote from a person who has spent {@code onTree} votes, {@code onNode} of them on this answer. */
    void allowOneMore(int onTree, int onNode) {
        if (onTree >= perPerson) {
            throw RefusedException.state("You have used all " + perPerson + " of your votes on this tree. Withdraw a"
                    + " vote from another answer to vote for this one.");
        }
        if (onNode >= perNode) {
            throw RefusedException.state("You have given this answer " + onNode + " vote" + (onNode == 1 ? "" : "s")
                    + ", the most one person may give one answer.");
        }
    }

    /** Return how many votes are left to someone who has spent {@code spent}; none when the budget shrank below it. */
    public int left(int spent) {
        return Math.max(0, perPerson - spent);
    }
}
