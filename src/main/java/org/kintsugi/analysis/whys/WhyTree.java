package org.kintsugi.analysis.whys;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.OptimisticLock;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.RefusedException;
import org.kintsugi.shared.StaleVersionException;

/**
 * A postmortem's five whys: the problem statement and the answers under it. Answers are versioned one by one, so
 * people in a debrief add and change different answers at once; the tree's own version covers the problem statement.
 */
@Entity
@Table(name = "why_trees")
class WhyTree {

    /** Enough for any debrief, and a bound on what one page draws. */
    static final int MAX_NODES = 200;

    static final int MAX_PROBLEM = 2000;

    @Id
    private long postmortemId;

    private long incidentId;
    private @Nullable String problem;
    private @Nullable String updatedBy;
    private Instant updatedAt = Instant.EPOCH;

    // Adding an answer must not conflict with someone changing the problem statement, nor with another new answer.
    @OptimisticLock(excluded = true)
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "postmortem_id", nullable = false)
    private List<WhyNode> nodes = new ArrayList<>();

    @Version
    private long version;

    protected WhyTree() {}

    long postmortemId() {
        return postmortemId;
    }

    /** Return the problem statement people wrote; empty while it follows the incident's impact. */
    @Nullable
    String problem() {
        return problem;
    }

    @Nullable
    String updatedBy() {
        return updatedBy;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }

    /** Return every answer, parents before their children, siblings in the order they were added. */
    List<WhyNode> nodes() {
        List<WhyNode> ordered = new ArrayList<>();
        walk(null, ordered);
        return ordered;
    }

    private void walk(@Nullable Long parent, List<WhyNode> out) {
        nodes.stream()
                .filter(n -> n.isChildOf(parent))
                .sorted(Comparator.comparingInt(WhyNode::position).thenComparingLong(WhyNode::id))
                .forEach(n -> {
                    out.add(n);
                    walk(n.id(), out);
                });
    }

    /** Restate the problem; blank goes back to the incident's impact. */
    void restate(long expectedVersion, String statement, String by, Instant at) {
        if (version != expectedVersion) {
            throw new StaleVersionException("The problem statement", expectedVersion, version);
        }
        String stripped = statement.strip();
        if (stripped.length() > MAX_PROBLEM) {
            throw new InvalidInputException("problem", "must be at most 2,000 characters");
        }
        problem = stripped.isEmpty() ? null : stripped;
        updatedBy = by;
        updatedAt = at;
    }

    /** Add an answer to "why?" under a parent answer, or under the problem statement when {@code parentId} is null. */
    WhyNode addCause(@Nullable Long parentId, WhyAnswer answer, String by, Instant at) {
        if (parentId != null) {
            node(parentId);
        }
        if (nodes.size() >= MAX_NODES) {
            throw RefusedException.state("This tree already has " + MAX_NODES
                    + " answers, the most one tree holds. Remove branches that led nowhere first.");
        }
        int position = (int) nodes.stream().filter(n -> n.isChildOf(parentId)).count();
        WhyNode node = new WhyNode(parentId, position, answer, by, at);
        nodes.add(node);
        return node;
    }

    /** Change an answer, refusing when someone else changed it since {@code expectedVersion}. */
    WhyNode revise(long nodeId, long expectedVersion, WhyAnswer answer, String by, Instant at) {
        WhyNode node = current(nodeId, expectedVersion);
        node.revise(answer, by, at);
        return node;
    }

    /** Remove an answer with every answer under it; return what was removed. */
    List<WhyNode> remove(long nodeId) {
        Set<Long> doomed = subtree(nodeId);
        List<WhyNode> removed =
                nodes.stream().filter(n -> doomed.contains(n.id())).toList();
        nodes.removeAll(removed);
        return removed;
    }

    /** Mark an answer as chosen, making it and its ancestors the path followed, or take the mark away. */
    WhyNode choose(long nodeId, boolean chosen, String by, Instant at) {
        WhyNode node = node(nodeId);
        node.choose(chosen, by, at);
        return node;
    }

    /** Remember the action item made from an answer; an answer leads to one item. */
    WhyNode linkAction(long nodeId, long actionId, String by, Instant at) {
        WhyNode node = node(nodeId);
        if (node.actionId() != null) {
            throw RefusedException.state("This answer already has action item " + node.actionId() + ".");
        }
        node.linkAction(actionId, by, at);
        return node;
    }

    /** Return the ids of the answer's ancestors and the answer itself, from the top down. */
    List<Long> path(long nodeId) {
        List<Long> path = new ArrayList<>();
        Long at = nodeId;
        while (at != null) {
            path.addFirst(at);
            at = node(at).parentId();
        }
        return path;
    }

    WhyNode node(long nodeId) {
        return nodes.stream()
                .filter(n -> n.id() == nodeId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException(
                        "The five whys of postmortem " + postmortemId + " have no answer " + nodeId + "."));
    }

    private WhyNode current(long nodeId, long expectedVersion) {
        WhyNode node = node(nodeId);
        if (node.version() != expectedVersion) {
            throw new StaleVersionException("The answer", expectedVersion, node.version());
        }
        return node;
    }

    private Set<Long> subtree(long nodeId) {
        Set<Long> ids = new HashSet<>();
        List<Long> open = new ArrayList<>(List.of(node(nodeId).id()));
        while (!open.isEmpty()) {
            Long id = open.removeLast();
            ids.add(id);
            nodes.stream().filter(n -> n.isChildOf(id)).forEach(n -> open.add(n.id()));
        }
        return ids;
    }
}
