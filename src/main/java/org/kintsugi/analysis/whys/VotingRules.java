package org.kintsugi.analysis.whys;

import java.util.ArrayList;
import java.util.List;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read and change the vote budget. A change applies to the next vote on every tree: nobody loses votes already cast,
 * and someone above a lowered budget votes again once they are below it.
 */
@Service
@Transactional
public class VotingRules {

    static final int MAX_PER_PERSON = 20;
    static final int MAX_PER_NODE = 10;

    private final JdbcClient jdbc;

    VotingRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Return the budget in force. */
    @Transactional(readOnly = true)
    public VoteBudget current() {
        return jdbc.sql("select votes_per_person, votes_per_node from why_settings where id = 1")
                .query((rs, n) -> new VoteBudget(rs.getInt(1), rs.getInt(2)))
                .optional()
                .orElse(VoteBudget.DEFAULT);
    }

    /** Change the budget, refusing values outside their range with the field named. */
    public VoteBudget change(VoteBudget wanted) {
        List<FieldProblem> problems = new ArrayList<>();
        if (wanted.perPerson() < 1 || wanted.perPerson() > MAX_PER_PERSON) {
            problems.add(new FieldProblem(
                    "perPerson", "must be between 1 and " + MAX_PER_PERSON + ", not " + wanted.perPerson()));
        }
        if (wanted.perNode() < 1 || wanted.perNode() > MAX_PER_NODE) {
            problems.add(
                    new FieldProblem("perNode", "must be between 1 and " + MAX_PER_NODE + ", not " + wanted.perNode()));
        } else if (wanted.perNode() > wanted.perPerson()) {
            problems.add(new FieldProblem(
                    "perNode", "cannot be more than the votes per person (" + wanted.perPerson() + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("update why_settings set votes_per_person = ?, votes_per_node = ? where id = 1")
                .params(wanted.perPerson(), wanted.perNode())
                .update();
        return current();
    }
}
