package org.kintsugi.analysis.whys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Draw a five-whys tree as SVG from its layout, with the colours written on the elements so the drawing looks the same
 * in an export without the site's styles. On the page the drawing is an ARIA tree: each box a focusable tree item,
 * nested in its parent's group, which a small script moves through with the arrow keys.
 */
public final class TreeDiagram {

    /** How the drawing is used: on the page, to move through and open, or in an export, to look at. */
    public enum Mode {
        PAGE,
        EXPORT
    }

    static final int CHARS_PER_LINE = 26;
    static final int LINES = 3;
    static final String GOLD = "#b8860b";

    private TreeDiagram() {}

    /** Return the tree as an SVG element. */
    public static String svg(TreeView tree, TreeLayout layout, Mode mode) {
        Map<Long, NodeView> nodes = tree.nodes().stream().collect(Collectors.toMap(NodeView::id, Function.identity()));
        StringBuilder out = new StringBuilder(4096 + tree.nodes().size() * 900);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"why-diagram\" width=\"")
                .append(layout.width())
                .append("\" height=\"")
                .append(layout.height())
                .append("\" viewBox=\"0 0 ")
                .append(layout.width())
                .append(' ')
                .append(layout.height())
                .append("\" font-family=\"DejaVu Sans, system-ui, sans-serif\" font-size=\"12\"");
        if (mode == Mode.PAGE) {
            out.append(" role=\"tree\" aria-label=\"Five whys, ")
                    .append(tree.nodes().size())
                    .append(" answers\">");
        } else {
            // A wide tree shrinks to the page (the stylesheets' .why-diagram[role=img]; no style attribute, which the
            // Content-Security-Policy would refuse).
            out.append(" role=\"img\" aria-label=\"Five whys diagram\"><title>Five whys: ")
                    .append(escape(tree.problem()))
                    .append("</title>");
        }
        edges(out, tree, layout, nodes);
        problem(out, tree, layout, mode);
        out.append("</svg>");
        return out.toString();
    }

    private static void edges(StringBuilder out, TreeView tree, TreeLayout layout, Map<Long, NodeView> nodes) {
        out.append("<g class=\"why-edges\" fill=\"none\" aria-hidden=\"true\">");
        for (TreeLayout.Box box : layout.boxes()) {
            if (box.id() == 0) {
                continue;
            }
            TreeLayout.Box parent = layout.box(box.parentId());
            boolean onPath = nodes.get(box.id()).onChosenPath();
            int x1 = parent.centreX();
            int y1 = parent.y() + parent.height();
            int x2 = box.centreX();
            int y2 = box.y();
            int middle = (y1 + y2) / 2;
            out.append("<path d=\"M")
                    .append(x1)
                    .append(' ')
                    .append(y1)
                    .append(" C")
                    .append(x1)
                    .append(' ')
                    .append(middle)
                    .append(' ')
                    .append(x2)
                    .append(' ')
                    .append(middle)
                    .append(' ')
                    .append(x2)
                    .append(' ')
                    .append(y2)
                    .append("\" stroke=\"")
                    .append(onPath ? GOLD : "#c9c2ad")
                    .append("\" stroke-width=\"")
                    .append(onPath ? 3 : 1.5)
                    .append("\"/>");
        }
        out.append("</g>");
    }

    private static void problem(StringBuilder out, TreeView tree, TreeLayout layout, Mode mode) {
        TreeLayout.Box box = layout.box(0);
        open(out, mode, 0, 1, !tree.roots().isEmpty(), "Problem: " + tree.problem(), "why-problem", 0);
        rect(out, box, "#2f2f2f", "#2f2f2f", 1);
        text(out, box, "PROBLEM", "#f3e3b5", 14, true);
        lines(out, box, tree.problem(), "#ffffff", 30);
        children(out, tree, layout, null, mode);
        out.append("</g>");
    }

    private static void children(StringBuilder out, TreeView tree, TreeLayout layout, Long parentId, Mode mode) {
        List<NodeView> kids = tree.children(parentId);
        if (kids.isEmpty()) {
            return;
        }
        out.append(mode == Mode.PAGE ? "<g role=\"group\">" : "<g>");
        for (NodeView node : kids) {
            node(out, tree, layout, node, mode);
        }
        out.append("</g>");
    }

    private static void node(StringBuilder out, TreeView tree, TreeLayout layout, NodeView node, Mode mode) {
        TreeLayout.Box box = layout.box(node.id());
        boolean parent = !tree.children(node.id()).isEmpty();
        open(out, mode, node.id(), node.depth() + 1, parent, label(node), "why-node", node.depth());
        String fill = node.chosen() ? "#fdf3d7" : "#ffffff";
        String stroke = node.onChosenPath() ? GOLD : "#b9b1a0";
        rect(out, box, fill, stroke, node.onChosenPath() ? 3 : 1.5);
        text(out, box, node.chosen() ? "WHY? · CHOSEN" : "WHY?", node.chosen() ? "#8a6508" : "#7a6f57", 14, true);
        lines(out, box, node.answer(), "#222222", 30);
        footer(out, box, node);
        children(out, tree, layout, node.id(), mode);
        out.append("</g>");
    }

    private static void open(
            StringBuilder out, Mode mode, long id, int level, boolean parent, String label, String type, int depth) {
        out.append("<g class=\"")
                .append(type)
                .append("\" data-node=\"")
                .append(id)
                .append('"');
        if (mode == Mode.PAGE) {
            out.append(" id=\"why-node-")
                    .append(id)
                    .append("\" role=\"treeitem\" tabindex=\"")
                    .append(id == 0 ? 0 : -1)
                    .append("\" aria-level=\"")
                    .append(level)
                    .append('"');
            if (parent) {
                out.append(" aria-expanded=\"true\"");
            }
            out.append(" aria-label=\"").append(escape(label)).append('"');
        } else {
            out.append("><title>").append(escape(label)).append("</title");
        }
        out.append('>');
    }

    private static void rect(StringBuilder out, TreeLayout.Box box, String fill, String stroke, double width) {
        out.append("<rect class=\"why-box\" x=\"")
                .append(box.x())
                .append("\" y=\"")
                .append(box.y())
                .append("\" width=\"")
                .append(box.width())
                .append("\" height=\"")
                .append(box.height())
                .append("\" rx=\"6\" fill=\"")
                .append(fill)
                .append("\" stroke=\"")
                .append(stroke)
                .append("\" stroke-width=\"")
                .append(width)
                .append("\"/>");
    }

    private static void text(StringBuilder out, TreeLayout.Box box, String text, String colour, int dy, boolean bold) {
        out.append("<text x=\"")
                .append(box.x() + 8)
                .append("\" y=\"")
                .append(box.y() + dy)
                .append("\" fill=\"")
                .append(colour)
                .append("\" font-size=\"9.5\" letter-spacing=\"0.6\"")
                .append(bold ? " font-weight=\"700\"" : "")
                .append('>')
                .append(escape(text))
                .append("</text>");
    }

    private static void lines(StringBuilder out, TreeLayout.Box box, String text, String colour, int top) {
        List<String> lines = wrap(text, CHARS_PER_LINE, LINES);
        out.append("<text x=\"")
                .append(box.x() + 8)
                .append("\" y=\"")
                .append(box.y() + top)
                .append("\" fill=\"")
                .append(colour)
                .append("\">");
        for (int i = 0; i < lines.size(); i++) {
            out.append("<tspan x=\"")
                    .append(box.x() + 8)
                    .append("\" dy=\"")
                    .append(i == 0 ? 0 : 14)
                    .append("\">")
                    .append(escape(lines.get(i)))
                    .append("</tspan>");
        }
        out.append("</text>");
    }

    private static void footer(StringBuilder out, TreeLayout.Box box, NodeView node) {
        out.append("<text class=\"why-footer\" x=\"")
                .append(box.x() + 8)
                .append("\" y=\"")
                .append(box.y() + box.height() - 7)
                .append("\" font-size=\"10.5\">");
        out.append("<tspan fill=\"#5c4a12\" font-weight=\"700\">")
                .append(node.votes())
                .append(node.votes() == 1 ? " vote" : " votes")
                .append("</tspan>");
        if (node.factor() != null) {
            out.append("<tspan fill=\"#1d4ed8\"> · ")
                    .append(escape(AnswerRules.shortened(node.factor().category(), 18)))
                    .append("</tspan>");
        }
        if (node.actionId() != null) {
            out.append("<tspan fill=\"#2e7d32\"> · action</tspan>");
        }
        if (!node.findings().isEmpty()) {
            out.append("<tspan fill=\"#b42318\" font-weight=\"700\"> · ⚠ wording</tspan>");
        }
        out.append("</text>");
    }

    /** Return what a screen reader says for an answer. */
    static String label(NodeView node) {
        StringBuilder label = new StringBuilder("Why? ").append(node.answer()).append(". ");
        label.append(node.votes()).append(node.votes() == 1 ? " vote" : " votes");
        if (node.myVotes() > 0) {
            label.append(", ").append(node.myVotes()).append(" of them yours");
        }
        label.append('.');
        if (node.chosen()) {
            label.append(" Chosen.");
        } else if (node.onChosenPath()) {
            label.append(" On the chosen path.");
        }
        if (node.factor() != null) {
            label.append(" Contributing factor: ")
                    .append(node.factor().category())
                    .append('.');
        }
        if (node.actionId() != null) {
            label.append(" Has action item ").append(node.actionId()).append('.');
        }
        if (!node.findings().isEmpty()) {
            label.append(" The language coach has ")
                    .append(node.findings().size())
                    .append(node.findings().size() == 1 ? " suggestion." : " suggestions.");
        }
        return label.toString();
    }

    /** Break text into at most {@code max} lines of about {@code width} characters, the last ending in … if cut. */
    static List<String> wrap(String text, int width, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = text.strip().split("\\s+");
        int i = 0;
        while (i < words.length && lines.size() < max) {
            String word = words[i];
            if (word.length() > width) {
                // A word longer than a line (an address, a stack frame) is broken where the line ends.
                int room = width - line.length() - (line.isEmpty() ? 0 : 1);
                if (room < 4) {
                    lines.add(line.toString());
                    line.setLength(0);
                    continue;
                }
                line.append(line.isEmpty() ? "" : " ").append(word, 0, room);
                words[i] = word.substring(room);
                lines.add(line.toString());
                line.setLength(0);
                continue;
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
                continue;
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
            i++;
        }
        if (!line.isEmpty() && lines.size() < max) {
            lines.add(line.toString());
        }
        if (i < words.length && !lines.isEmpty()) {
            String last = lines.removeLast();
            lines.add((last.length() > width - 1 ? last.substring(0, width - 1) : last).strip() + "…");
        }
        return lines;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters other than white space are not allowed in XML.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
