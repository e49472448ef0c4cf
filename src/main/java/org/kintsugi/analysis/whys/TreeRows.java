package org.kintsugi.analysis.whys;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Plain SQL around the trees: create one on first use, and read what other tables add to its answers. */
@Component
class TreeRows {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    TreeRows(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Create the postmortem's tree unless it exists. Two people adding the first answer at once both try; the insert
     * runs in a transaction of its own, so the one that loses the race (a duplicate key) goes on with the winner's row.
     */
    void ensure(long postmortemId, long incidentId, Instant at) {
        if (exists(postmortemId)) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql(
                            "insert into why_trees (postmortem_id, incident_id, problem, updated_by, updated_at,"
                                    + " version) values (?, ?, null, null, ?, 0)")
                    .params(postmortemId, incidentId, at.atOffset(ZoneOffset.UTC))
                    .update());
        } catch (DataIntegrityViolationException e) {
            // created meanwhile by someone else
        }
    }

    boolean exists(long postmortemId) {
        return jdbc.sql("select count(*) from why_trees where postmortem_id = ?")
                        .param(postmortemId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    boolean holds(long postmortemId, long nodeId) {
        return jdbc.sql("select count(*) from why_nodes where id = ? and postmortem_id = ?")
                        .params(nodeId, postmortemId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Return the contributing factor each answer of the tree was marked as, by answer id. */
    Map<Long, FactorTag> factors(long postmortemId) {
        Map<Long, FactorTag> tags = new HashMap<>();
        jdbc.sql("""
                        select f.id, f.node_id, c.id, c.name, c.retired
                        from contributing_factors f join factor_categories c on c.id = f.category_id
                        where f.postmortem_id = ? and f.node_id is not null""")
                .param(postmortemId)
                .query((rs, n) -> tags.put(
                        rs.getLong(2), new FactorTag(rs.getLong(1), rs.getLong(3), rs.getString(4), rs.getBoolean(5))))
                .list();
        return tags;
    }
}
