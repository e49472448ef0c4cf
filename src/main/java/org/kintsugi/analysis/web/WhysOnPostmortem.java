package org.kintsugi.analysis.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.analysis.whys.TreeDiagram;
import org.kintsugi.analysis.whys.TreeLayout;
import org.kintsugi.analysis.whys.TreeView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.PostmortemPart;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.shared.Markdown;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Show the five whys on every postmortem: under "Five whys" where the template has it, else under its root causes
 * or contributing factors, else in a section of their own; and put the tree in the exports, drawn in HTML and PDF.
 */
@Component
@Order(10)
class WhysOnPostmortem implements PostmortemPart {

    private final FiveWhys whys;
    private final WhysViews views;

    WhysOnPostmortem(FiveWhys whys, WhysViews views) {
        this.whys = whys;
        this.views = views;
    }

    @Override
    public String sectionKey() {
        return "five-whys";
    }

    @Override
    public List<String> otherSectionKeys() {
        return List.of("root-causes", "contributing-factors");
    }

    @Override
    public Optional<String> ownSectionHeading() {
        return Optional.of("Five whys");
    }

    @Override
    public Optional<Fragment> render(PostmortemView postmortem, KintsugiPrincipal viewer) {
        TreeView tree = whys.tree(postmortem.id(), viewer.id());
        return Optional.of(new Fragment(
                "analysis/fragments/whys :: whys",
                Map.of(
                        "diagram", views.diagram(tree, viewer),
                        "panel", views.panel(tree, postmortem, 0, viewer))));
    }

    @Override
    public String markdown(long postmortemId) {
        return WhysMarkdown.of(whys.tree(postmortemId, 0));
    }

    @Override
    public String html(long postmortemId) {
        TreeView tree = whys.tree(postmortemId, 0);
        if (tree.empty()) {
            return "";
        }
        String svg = TreeDiagram.svg(tree, TreeLayout.of(tree.nodes()), TreeDiagram.Mode.EXPORT);
        return "<div class=\"why-diagram-export\">" + svg + "</div>" + Markdown.toHtml(WhysMarkdown.of(tree));
    }

    @Override
    public boolean fills(long postmortemId) {
        return !whys.tree(postmortemId, 0).empty();
    }
}
