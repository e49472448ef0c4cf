package org.kintsugi.analysis.whys;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.kintsugi.shared.RefusedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cast and withdraw votes, one row each. Both lock the tree's row first ({@code select … for update}, which H2 and
 * PostgreSQL honour alike), so a person's votes on one tree are counted and added one at a time however many arrive
 * at once, and the budget holds without a retry. Each count after the lock sees every vote committed before it, as
 * READ COMMITTED (the default of both databases) promises.
 */
@Component
class Ballots {

    /** The votes on one answer: everyone's, and the person's who asks. */
    record Count(int total, int mine) {}

    private final JdbcClient jdbc;

    Ballots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Add one vote from this person to this answer, within the budget. Call inside a transaction. */
    void cast(long postmortemId, long nodeId, long userId, VoteBudget budget, Instant at) {
        lock(postmortemId);
        int onTree = count("postmortem_id = ? and user_id = ?", postmortemId, userId);
        int onNode = count("node_id = ? and user_id = ?", nodeId, userId);
        budget.allowOneMore(onTree, onNode);
        jdbc.sql("insert into why_votes (postmortem_id, node_id, user_id, cast_at) values (?, ?, ?, ?)")
                .params(postmortemId, nodeId, userId, at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Take back one of this person's votes on this answer. Call inside a transaction. */
    void withdraw(long postmortemId, long nodeId, long userId) {
        lock(postmortemId);
        int removed = jdbc.sql("delete from why_votes where id = (select min(id) from why_votes where node_id = ? and"
                        + " user_id = ?)")
                .params(nodeId, userId)
                .update();
        if (removed == 0) {
            throw RefusedException.state("You have no vote on this answer to withdraw.");
        }
    }

    /** Return the votes on each answer of a tree that has any, with this person's share. */
    Map<Long, Count> counts(long postmortemId, long userId) {
        Map<Long, Count> counts = new HashMap<>();
        jdbc.sql("select node_id, count(*), sum(case when user_id = ? then 1 else 0 end) from why_votes"
                        + " where postmortem_id = ? group by node_id")
                .params(userId, postmortemId)
                .query((rs, n) -> counts.put(rs.getLong(1), new Count(rs.getInt(2), rs.getInt(3))))
                .list();
        return counts;
    }

    private void lock(long postmortemId) {
        jdbc.sql("select postmortem_id from why_trees where postmortem_id = ? for update")
                .param(postmortemId)
                .query(Long.class)
                .single();
    }

    private int count(String where, long a, long b) {
        return jdbc.sql("select count(*) from why_votes where " + where)
                .params(a, b)
                .query(Integer.class)
                .single();
    }
}
