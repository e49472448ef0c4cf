package org.kintsugi.analysis.whys;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionView;
import org.kintsugi.analysis.AnalysisChanged;
import org.kintsugi.analysis.account.AccountManagement;
import org.kintsugi.analysis.account.SharedEntry;
import org.kintsugi.analysis.coach.LanguageCoach;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemStatus;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.TimelineItem;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ask why, and why again: keep a postmortem's five-whys tree, its votes and its chosen path, and turn an answer into
 * an action item. Changes need the postmortem to be a draft, as every other part of it does.
 */
@Service
public class FiveWhys {

    private final WhyTrees trees;
    private final TreeRows rows;
    private final Ballots ballots;
    private final VotingRules voting;
    private final LanguageCoach coach;
    private final PostmortemManagement postmortems;
    private final PostmortemTimeline timeline;
    private final IncidentManagement incidents;
    private final ActionManagement actions;
    private final AccountManagement accounts;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FiveWhys(
            WhyTrees trees,
            TreeRows rows,
            Ballots ballots,
            VotingRules voting,
            LanguageCoach coach,
            PostmortemManagement postmortems,
            PostmortemTimeline timeline,
            IncidentManagement incidents,
            ActionManagement actions,
            AccountManagement accounts,
            PlatformTransactionManager transactions,
            Clock clock,
            ApplicationEventPublisher events) {
        this.trees = trees;
        this.rows = rows;
        this.ballots = ballots;
        this.voting = voting;
        this.coach = coach;
        this.postmortems = postmortems;
        this.timeline = timeline;
        this.incidents = incidents;
        this.actions = actions;
        this.accounts = accounts;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.events = events;
    }

    /** Return the postmortem's tree as this person sees it: their own votes and how many they have left. */
    @Transactional(readOnly = true)
    public TreeView tree(long postmortemId, long viewerId) {
        PostmortemView postmortem = postmortems.find(postmortemId);
        WhyTree tree = trees.findById(postmortemId).orElse(null);
        List<WhyNode> nodes = tree == null ? List.of() : tree.nodes();
        Map<Long, Ballots.Count> votes = ballots.counts(postmortemId, viewerId);
        Map<Long, FactorTag> factors = tree == null ? Map.of() : rows.factors(postmortemId);
        List<List<Long>> paths = new ArrayList<>();
        Set<Long> onPath = new HashSet<>();
        for (WhyNode node : nodes) {
            if (node.chosen()) {
                List<Long> path = tree.path(node.id());
                paths.add(path);
                onPath.addAll(path);
            }
        }
        Map<Long, Integer> depth = new HashMap<>();
        List<NodeView> views = new ArrayList<>();
        for (WhyNode node : nodes) {
            int level = node.parentId() == null ? 1 : depth.get(node.parentId()) + 1;
            depth.put(node.id(), level);
            Ballots.Count count = votes.getOrDefault(node.id(), new Ballots.Count(0, 0));
            views.add(new NodeView(
                    node.id(),
                    node.parentId(),
                    level,
                    node.answer(),
                    node.evidence(),
                    count.total(),
                    count.mine(),
                    node.chosen(),
                    onPath.contains(node.id()),
                    factors.get(node.id()),
                    node.actionId(),
                    coach.review(node.answer()).findings(),
                    node.createdBy(),
                    node.createdAt(),
                    node.updatedBy(),
                    node.updatedAt(),
                    node.version()));
        }
        String problem = tree == null ? null : tree.problem();
        VoteBudget budget = voting.current();
        int spent = votes.values().stream().mapToInt(Ballots.Count::mine).sum();
        String statement = problem == null ? impact(postmortem) : problem;
        return new TreeView(
                postmortemId,
                statement,
                problem == null,
                tree == null ? 0 : tree.version(),
                views,
                budget,
                budget.left(spent),
                paths,
                postmortem.status() == PostmortemStatus.DRAFT,
                coach.review(statement).findings());
    }

    /** Return one answer as this person sees it. */
    @Transactional(readOnly = true)
    public NodeView node(long postmortemId, long nodeId, long viewerId) {
        return tree(postmortemId, viewerId).node(nodeId).orElseThrow(() -> missing(postmortemId, nodeId));
    }

    /** Restate the problem the tree answers; blank goes back to the incident's impact. */
    public TreeView restate(long postmortemId, long expectedVersion, String problem, Author actor) {
        PostmortemView postmortem = editable(postmortemId);
        rows.ensure(postmortemId, postmortem.incidentId(), clock.instant());
        return transaction.execute(status -> {
            load(postmortemId).restate(expectedVersion, problem, actor.name(), clock.instant());
            trees.flush();
            changed(postmortemId);
            return tree(postmortemId, actor.id());
        });
    }

    /** Answer "why?" for an answer, or for the problem statement itself when {@code parentId} is null. */
    public NodeView addCause(long postmortemId, @Nullable Long parentId, WhyAnswer answer, Author actor) {
        PostmortemView postmortem = editable(postmortemId);
        WhyAnswer checked = AnswerRules.checked(answer, timelineEvents(postmortemId), accountEntries(postmortemId));
        rows.ensure(postmortemId, postmortem.incidentId(), clock.instant());
        return transaction.execute(status -> {
            WhyNode node = load(postmortemId).addCause(parentId, checked, actor.name(), clock.instant());
            trees.flush();
            changed(postmortemId);
            return node(postmortemId, node.id(), actor.id());
        });
    }

    /** Change an answer and its evidence, refusing when someone else changed it since {@code expectedVersion}. */
    @Transactional
    public NodeView revise(long postmortemId, long nodeId, long expectedVersion, WhyAnswer answer, Author actor) {
        editable(postmortemId);
        WhyAnswer checked = AnswerRules.checked(answer, timelineEvents(postmortemId), accountEntries(postmortemId));
        loadHolding(postmortemId, nodeId).revise(nodeId, expectedVersion, checked, actor.name(), clock.instant());
        trees.flush();
        changed(postmortemId);
        return node(postmortemId, nodeId, actor.id());
    }

    /**
     * Remove an answer with every answer under it, and return how many went. Their votes go back to the voters and
     * their contributing-factor marks go with them; action items made from them stay.
     */
    @Transactional
    public int remove(long postmortemId, long nodeId, Author actor) {
        editable(postmortemId);
        int removed = loadHolding(postmortemId, nodeId).remove(nodeId).size();
        trees.flush();
        changed(postmortemId);
        return removed;
    }

    /** Mark an answer as chosen (it and its ancestors are the path followed), or unmark it; the owner's call. */
    @Transactional
    public NodeView choose(long postmortemId, long nodeId, boolean chosen, Author actor) {
        PostmortemView postmortem = editable(postmortemId);
        if (postmortem.owner().id() != actor.id()) {
            throw RefusedException.person(
                    "The postmortem's owner, " + postmortem.owner().name() + ", marks the chosen path.");
        }
        loadHolding(postmortemId, nodeId).choose(nodeId, chosen, actor.name(), clock.instant());
        trees.flush();
        return node(postmortemId, nodeId, actor.id());
    }

    /** Give an answer one of this person's votes, within the budget. */
    @Transactional
    public VoteState vote(long postmortemId, long nodeId, Author voter) {
        editable(postmortemId);
        requireNode(postmortemId, nodeId);
        ballots.cast(postmortemId, nodeId, voter.id(), voting.current(), clock.instant());
        return voteState(postmortemId, nodeId, voter.id());
    }

    /** Take back one of this person's votes on an answer. */
    @Transactional
    public VoteState withdraw(long postmortemId, long nodeId, Author voter) {
        editable(postmortemId);
        requireNode(postmortemId, nodeId);
        ballots.withdraw(postmortemId, nodeId, voter.id());
        return voteState(postmortemId, nodeId, voter.id());
    }

    /**
     * Propose an action item that addresses an answer; its description quotes the path of whys that led there and
     * links back to the answer, and the answer links to the item. An empty title takes the answer's words.
     */
    @Transactional
    public NodeView toAction(long postmortemId, long nodeId, ActionDetails details, long ownerId, Author actor) {
        PostmortemView postmortem = editable(postmortemId);
        WhyTree tree = loadHolding(postmortemId, nodeId);
        WhyNode node = tree.node(nodeId);
        if (node.actionId() != null) {
            throw RefusedException.state("This answer already has action item " + node.actionId() + ".");
        }
        String title = details.title().isBlank() ? AnswerRules.shortened(node.answer(), 200) : details.title();
        ActionDetails described = new ActionDetails(
                title,
                description(postmortem, tree, nodeId, details.description()),
                details.dueDate(),
                details.priority(),
                details.type(),
                details.verification());
        ActionView item = actions.propose(postmortemId, null, described, ownerId, null, actor);
        tree.linkAction(nodeId, item.id(), actor.name(), clock.instant());
        trees.flush();
        return node(postmortemId, nodeId, actor.id());
    }

    /** Return the problem statement as restated (if it was) and every answer, parents before their children. */
    @Transactional(readOnly = true)
    public List<String> texts(long postmortemId) {
        WhyTree tree = trees.findById(postmortemId).orElse(null);
        if (tree == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        if (tree.problem() != null) {
            texts.add(tree.problem());
        }
        tree.nodes().forEach(node -> texts.add(node.answer()));
        return texts;
    }

    private void changed(long postmortemId) {
        events.publishEvent(new AnalysisChanged(postmortemId));
    }

    /** Return where an answer can be read, for links from elsewhere. */
    public static String link(long postmortemId, long nodeId) {
        return "/postmortems/" + postmortemId + "/whys/nodes/" + nodeId;
    }

    private String description(PostmortemView postmortem, WhyTree tree, long nodeId, String more) {
        StringBuilder text = new StringBuilder("From the five whys of ")
                .append(postmortem.incidentKey())
                .append(" (answer ")
                .append(nodeId)
                .append("):\n\n")
                .append("Problem: ")
                .append(tree.problem() == null ? impact(postmortem) : tree.problem())
                .append('\n');
        for (Long id : tree.path(nodeId)) {
            text.append("Why? ").append(tree.node(id).answer()).append('\n');
        }
        text.append("\nThe answer: ").append(link(postmortem.id(), nodeId));
        if (!more.isBlank()) {
            text.append("\n\n").append(more.strip());
        }
        return text.toString();
    }

    private VoteState voteState(long postmortemId, long nodeId, long voterId) {
        Map<Long, Ballots.Count> counts = ballots.counts(postmortemId, voterId);
        Ballots.Count count = counts.getOrDefault(nodeId, new Ballots.Count(0, 0));
        int spent = counts.values().stream().mapToInt(Ballots.Count::mine).sum();
        return new VoteState(
                nodeId, count.total(), count.mine(), voting.current().left(spent));
    }

    private String impact(PostmortemView postmortem) {
        String impact = incidents.find(postmortem.incidentId()).impact().strip();
        return impact.isEmpty() ? postmortem.title() : impact;
    }

    private Map<String, String> accountEntries(long postmortemId) {
        return accounts.sharedEntries(postmortemId).stream()
                .collect(Collectors.toMap(SharedEntry::ref, SharedEntry::label, (a, b) -> a));
    }

    /** The timeline's own events: not the incident's moments, nor what accounts and other modules put on it. */
    private Map<Long, String> timelineEvents(long postmortemId) {
        return timeline.timeline(postmortemId).stream()
                .filter(TimelineItem::editable)
                .collect(Collectors.toMap(TimelineItem::id, TimelineItem::description, (a, b) -> a));
    }

    private PostmortemView editable(long postmortemId) {
        PostmortemView postmortem = postmortems.find(postmortemId);
        if (postmortem.status() != PostmortemStatus.DRAFT) {
            throw RefusedException.state("Only a draft can be changed. This postmortem is "
                    + postmortem.status().label().toLowerCase()
                    + (postmortem.status() == PostmortemStatus.PUBLISHED
                            ? "; amend it to start a new revision."
                            : "; withdraw it to draft first."));
        }
        return postmortem;
    }

    private void requireNode(long postmortemId, long nodeId) {
        if (!rows.holds(postmortemId, nodeId)) {
            throw missing(postmortemId, nodeId);
        }
    }

    private WhyTree loadHolding(long postmortemId, long nodeId) {
        requireNode(postmortemId, nodeId);
        return load(postmortemId);
    }

    private WhyTree load(long postmortemId) {
        return trees.findById(postmortemId)
                .orElseThrow(() -> new NotFoundException("Postmortem " + postmortemId + " has no five whys yet."));
    }

    private static NotFoundException missing(long postmortemId, long nodeId) {
        return new NotFoundException("The five whys of postmortem " + postmortemId + " have no answer " + nodeId + ".");
    }
}
