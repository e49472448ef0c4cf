package org.kintsugi.analysis.whys;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.coach.Finding;

/**
 * A postmortem's five whys as one person sees them.
 *
 * @param problem the problem statement the tree answers
 * @param problemFromIncident whether the statement is still the incident's impact, not yet restated
 * @param version what a change of the problem statement must name
 * @param nodes every answer, parents before their children
 * @param votesLeft how many votes the person looking has left on this tree
 * @param chosenPaths for each chosen answer, the ids from the top of the tree down to it
 * @param editable whether the postmortem is a draft, so the tree can change
 * @param problemFindings what the blameless-language coach points out in the problem statement
 */
public record TreeView(
        long postmortemId,
        String problem,
        boolean problemFromIncident,
        long version,
        List<NodeView> nodes,
        VoteBudget budget,
        int votesLeft,
        List<List<Long>> chosenPaths,
        boolean editable,
        List<Finding> problemFindings) {

    public TreeView {
        nodes = List.copyOf(nodes);
        chosenPaths = List.copyOf(chosenPaths);
        problemFindings = List.copyOf(problemFindings);
    }

    /** Return the answers to the problem statement itself. */
    public List<NodeView> roots() {
        return children(null);
    }

    /** Return the answers to one answer, or to the problem statement when {@code parentId} is null. */
    public List<NodeView> children(@Nullable Long parentId) {
        return nodes.stream()
                .filter(n -> Objects.equals(n.parentId(), parentId))
                .toList();
    }

    /** Return one answer. */
    public Optional<NodeView> node(long id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst();
    }

    /** Return whether the tree has no answers yet. */
    public boolean empty() {
        return nodes.isEmpty();
    }

    /** Return the deepest level of the tree, 0 when it has no answers. */
    public int depth() {
        return nodes.stream().mapToInt(NodeView::depth).max().orElse(0);
    }
}
