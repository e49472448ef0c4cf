package org.kintsugi.analysis.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionView;
import org.kintsugi.analysis.account.AccountManagement;
import org.kintsugi.analysis.coach.Highlighted;
import org.kintsugi.analysis.coach.LanguageCoach;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.analysis.whys.NodeView;
import org.kintsugi.analysis.whys.TreeDiagram;
import org.kintsugi.analysis.whys.TreeLayout;
import org.kintsugi.analysis.whys.TreeView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemTimeline;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.TimelineItem;
import org.kintsugi.shared.Limits;
import org.kintsugi.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Put together what the five whys on a postmortem's page show: the drawing and the panel beside it. */
@Component
class WhysViews {

    /**
     * The tree as drawn for one person.
     *
     * @param fingerprint changes whenever anything drawn does, so a poll that finds the same one leaves the page be
     */
    public record Diagram(long postmortemId, TreeView tree, String svg, String fingerprint, boolean canWrite) {}

    private final FiveWhys whys;
    private final FactorCategories categories;
    private final PostmortemManagement postmortems;
    private final PostmortemTimeline timeline;
    private final ActionManagement actions;
    private final AccountManagement accounts;
    private final UserManagement users;
    private final Clock clock;
    private final Limits limits;
    private final LanguageCoach coach;

    WhysViews(
            FiveWhys whys,
            FactorCategories categories,
            PostmortemManagement postmortems,
            PostmortemTimeline timeline,
            ActionManagement actions,
            AccountManagement accounts,
            UserManagement users,
            Clock clock,
            Limits limits,
            LanguageCoach coach) {
        this.whys = whys;
        this.categories = categories;
        this.postmortems = postmortems;
        this.timeline = timeline;
        this.actions = actions;
        this.accounts = accounts;
        this.users = users;
        this.clock = clock;
        this.limits = limits;
        this.coach = coach;
    }

    /**
     * Return the answer cut at the coach's findings, or the problem statement's for the people who may restate it (as
     * the writers see their saved sections marked); null for a problem statement others read or nobody wrote.
     */
    private @Nullable Highlighted marked(TreeView tree, @Nullable NodeView node, KintsugiPrincipal me) {
        if (node != null) {
            return Highlighted.whole(coach.review(node.answer()));
        }
        String problem = tree.problem();
        if (!me.canWrite() || problem.isBlank()) {
            return null;
        }
        return Highlighted.whole(coach.review(problem));
    }

    Diagram diagram(long postmortemId, KintsugiPrincipal me) {
        return diagram(whys.tree(postmortemId, me.id()), me);
    }

    Diagram diagram(TreeView tree, KintsugiPrincipal me) {
        String svg = TreeDiagram.svg(tree, TreeLayout.of(tree.nodes()), TreeDiagram.Mode.PAGE);
        String drawn = svg + '|' + tree.votesLeft() + '|' + tree.budget() + '|' + tree.editable();
        return new Diagram(tree.postmortemId(), tree, svg, Integer.toHexString(drawn.hashCode()), me.canWrite());
    }

    /** Return the panel of an answer, or of the problem statement for {@code nodeId} 0. */
    WhyPanel panel(long postmortemId, long nodeId, KintsugiPrincipal me) {
        return panel(whys.tree(postmortemId, me.id()), postmortems.find(postmortemId), nodeId, me);
    }

    WhyPanel panel(TreeView tree, PostmortemView postmortem, long nodeId, KintsugiPrincipal me) {
        NodeView node = nodeId == 0
                ? null
                : tree.node(nodeId)
                        .orElseThrow(() -> new NotFoundException("The five whys of postmortem " + tree.postmortemId()
                                + " have no answer " + nodeId + "."));
        List<NodeView> path = new ArrayList<>();
        for (Long at = node == null ? null : node.parentId(); at != null; ) {
            NodeView ancestor = tree.node(at).orElseThrow();
            path.addFirst(ancestor);
            at = ancestor.parentId();
        }
        return new WhyPanel(
                tree.postmortemId(),
                tree,
                node,
                path,
                marked(tree, node, me),
                node == null ? tree.nodes().size() : below(tree, node.id()),
                node == null ? null : action(node.actionId()),
                citable(timeline.timeline(tree.postmortemId())),
                accounts.sharedEntries(tree.postmortemId()),
                categories.active(),
                users.all().stream()
                        .filter(u -> u.active() && u.role() != Role.VIEWER)
                        .toList(),
                me.id(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(14),
                me.canWrite(),
                postmortem.owner().id() == me.id(),
                null,
                null,
                Map.of(),
                null,
                null,
                Map.of());
    }

    /**
     * Return the timeline events the answer forms offer as evidence. On a long timeline a list of every event would
     * weigh more than the rest of the page, so past {@code kintsugi.limits.timeline-page} events it offers the
     * key (starred) moments, then the earliest others, in time order; the API cites any event.
     */
    private List<TimelineItem> citable(List<TimelineItem> timeline) {
        List<TimelineItem> events =
                timeline.stream().filter(TimelineItem::editable).toList();
        int max = limits.timelinePage();
        if (events.size() <= max) {
            return events;
        }
        List<TimelineItem> starred =
                events.stream().filter(TimelineItem::starred).limit(max).toList();
        java.util.Set<TimelineItem> offered = new java.util.HashSet<>(starred);
        events.stream()
                .filter(e -> !e.starred())
                .limit(Math.max(0, max - starred.size()))
                .forEach(offered::add);
        return events.stream().filter(offered::contains).toList();
    }

    private static int below(TreeView tree, long nodeId) {
        int count = 0;
        for (NodeView child : tree.children(nodeId)) {
            count += 1 + below(tree, child.id());
        }
        return count;
    }

    private @Nullable ActionView action(@Nullable Long actionId) {
        if (actionId == null) {
            return null;
        }
        try {
            return actions.find(actionId);
        } catch (NotFoundException e) {
            return null;
        }
    }
}
