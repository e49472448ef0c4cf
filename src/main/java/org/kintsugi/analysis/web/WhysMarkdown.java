package org.kintsugi.analysis.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.whys.Evidence;
import org.kintsugi.analysis.whys.EvidenceKind;
import org.kintsugi.analysis.whys.NodeView;
import org.kintsugi.analysis.whys.TreeView;

/** Write a five-whys tree as Markdown: the problem, then the answers as an indented list, two spaces a level. */
final class WhysMarkdown {

    private WhysMarkdown() {}

    static String of(TreeView tree) {
        if (tree.empty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("**Problem:** ")
                .append(escape(tree.problem()))
                .append("\n\n");
        list(out, tree, null, "");
        if (!tree.chosenPaths().isEmpty()) {
            out.append("\n**Chosen path");
            out.append(tree.chosenPaths().size() == 1 ? ":** " : "s:** ");
            List<String> paths = new ArrayList<>();
            for (List<Long> path : tree.chosenPaths()) {
                paths.add(String.join(
                        " → ",
                        path.stream()
                                .map(id -> escape(tree.node(id).orElseThrow().answer()))
                                .toList()));
            }
            out.append(String.join("; ", paths)).append('\n');
        }
        return out.toString();
    }

    private static void list(StringBuilder out, TreeView tree, @Nullable Long parentId, String indent) {
        for (NodeView node : tree.children(parentId)) {
            out.append(indent).append("- Why? ").append(escape(node.answer()));
            List<String> notes = new ArrayList<>();
            notes.add(node.votes() + (node.votes() == 1 ? " vote" : " votes"));
            if (node.chosen()) {
                notes.add("chosen");
            } else if (node.onChosenPath()) {
                notes.add("on the chosen path");
            }
            if (node.factor() != null) {
                notes.add("contributing factor: " + escape(node.factor().category()));
            }
            if (node.actionId() != null) {
                notes.add("action item " + node.actionId());
            }
            out.append(" *(").append(String.join("; ", notes)).append(")*\n");
            if (!node.evidence().isEmpty()) {
                out.append(indent)
                        .append("  Evidence: ")
                        .append(String.join(
                                ", ",
                                node.evidence().stream()
                                        .map(WhysMarkdown::evidence)
                                        .toList()))
                        .append('\n');
            }
            list(out, tree, node.id(), indent + "  ");
        }
    }

    private static String evidence(Evidence evidence) {
        if (evidence.kind() == EvidenceKind.URL) {
            return "[" + escape(evidence.label()) + "](<" + evidence.ref().replace(">", "%3E") + ">)";
        }
        return evidence.kind().label().toLowerCase() + " " + evidence.ref() + " (" + escape(evidence.label()) + ")";
    }

    /** Escape what Markdown would read as formatting, so an answer prints as written. */
    static String escape(String text) {
        String oneLine = text.strip().replaceAll("\\s*\\R\\s*", " ");
        StringBuilder out = new StringBuilder(oneLine.length() + 8);
        for (char c : oneLine.toCharArray()) {
            if ("\\`*_[]<>#|~!".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
