package org.kintsugi.analysis.whys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The tree drawn without Spring: where the boxes go, and the SVG and its tree roles. */
class TreeLayoutTests {

    /** A tree of {@code count} answers, parents first, each hanging under a random earlier one (or the problem). */
    static List<NodeView> randomTree(int count, long seed) {
        Random random = new Random(seed);
        List<NodeView> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Long parent = i <= 3 || random.nextInt(10) == 0 ? null : (long) (1 + random.nextInt(i - 1));
            int depth = parent == null ? 1 : nodes.get((int) (parent - 1)).depth() + 1;
            nodes.add(node(i, parent, depth, "Answer " + i + " & why <it> made sense at the time", i % 7 == 0));
        }
        // Parents before children, as the tree lists them.
        List<NodeView> ordered = new ArrayList<>();
        walk(nodes, null, ordered);
        return ordered;
    }

    static void walk(List<NodeView> all, @Nullable Long parent, List<NodeView> out) {
        all.stream().filter(n -> java.util.Objects.equals(n.parentId(), parent)).forEach(n -> {
            out.add(n);
            walk(all, n.id(), out);
        });
    }

    static NodeView node(long id, @Nullable Long parent, int depth, String answer, boolean chosen) {
        return new NodeView(
                id,
                parent,
                depth,
                answer,
                List.of(),
                (int) (id % 4),
                0,
                chosen,
                chosen,
                null,
                null,
                List.of(),
                "Ada",
                Instant.EPOCH,
                "Ada",
                Instant.EPOCH,
                0);
    }

    static TreeView tree(List<NodeView> nodes) {
        return new TreeView(1, "Checkout failed", false, 0, nodes, VoteBudget.DEFAULT, 3, List.of(), true, List.of());
    }

    @Nested
    @DisplayName("Layout")
    class Layout {

        @Test
        void sixtyAnswersGetABoxEachAndNoTwoBoxesOverlap() {
            for (long seed = 1; seed <= 20; seed++) {
                List<NodeView> nodes = randomTree(60, seed);
                TreeLayout layout = TreeLayout.of(nodes);
                assertThat(layout.boxes()).hasSize(61);
                for (int i = 0; i < layout.boxes().size(); i++) {
                    for (int j = i + 1; j < layout.boxes().size(); j++) {
                        TreeLayout.Box a = layout.boxes().get(i);
                        TreeLayout.Box b = layout.boxes().get(j);
                        assertThat(a.overlaps(b))
                                .as("seed %d: box %d overlaps box %d", seed, a.id(), b.id())
                                .isFalse();
                    }
                }
            }
        }

        @Test
        void everyAnswerSitsALevelBelowWhatItAnswersAndInsideTheDrawing() {
            TreeLayout layout = TreeLayout.of(randomTree(60, 7));
            for (TreeLayout.Box box : layout.boxes()) {
                assertThat(box.x()).isGreaterThanOrEqualTo(0);
                assertThat(box.x() + box.width()).isLessThanOrEqualTo(layout.width());
                assertThat(box.y() + box.height()).isLessThanOrEqualTo(layout.height());
                if (box.id() != 0) {
                    TreeLayout.Box parent = layout.box(box.parentId());
                    assertThat(box.level()).isEqualTo(parent.level() + 1);
                    assertThat(box.y()).isGreaterThan(parent.y() + parent.height());
                }
            }
        }

        @Test
        void aParentIsCentredOverItsAnswers() {
            List<NodeView> nodes =
                    List.of(node(1, null, 1, "a", false), node(2, 1L, 2, "b", false), node(3, 1L, 2, "c", false));
            TreeLayout layout = TreeLayout.of(nodes);
            int middle = (layout.box(2).centreX() + layout.box(3).centreX()) / 2;
            assertThat(layout.box(1).centreX()).isEqualTo(middle);
            assertThat(layout.box(0).centreX()).isEqualTo(layout.box(1).centreX());
            assertThat(layout.box(3).x() - (layout.box(2).x() + layout.box(2).width()))
                    .isEqualTo(TreeLayout.GAP_X);
        }

        @Test
        void aChainIsOneBoxWide() {
            List<NodeView> chain = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                chain.add(node(i, i == 1 ? null : (long) i - 1, i, "why " + i, false));
            }
            TreeLayout layout = TreeLayout.of(chain);
            assertThat(layout.width()).isEqualTo(TreeLayout.NODE_WIDTH + 2 * TreeLayout.MARGIN);
            assertThat(layout.boxes()).extracting(TreeLayout.Box::x).containsOnly(TreeLayout.MARGIN);
        }
    }

    @Nested
    @DisplayName("Drawing")
    class Drawing {

        @Test
        void sixtyAnswersDrawAsWellFormedSvgWithATreeItemEachQuickly() throws Exception {
            TreeView tree = tree(randomTree(60, 3));
            TreeLayout layout = TreeLayout.of(tree.nodes());
            TreeDiagram.svg(tree, layout, TreeDiagram.Mode.PAGE); // warm up
            long start = System.nanoTime();
            int rounds = 50;
            String svg = "";
            for (int i = 0; i < rounds; i++) {
                svg = TreeDiagram.svg(tree, TreeLayout.of(tree.nodes()), TreeDiagram.Mode.PAGE);
            }
            double millis = (System.nanoTime() - start) / 1e6 / rounds;
            System.out.printf("Laid out and drew 60 answers in %.2f ms (%d characters of SVG)%n", millis, svg.length());
            assertThat(millis).isLessThan(50);

            Document svgDocument = parse(svg);
            assertThat(svgDocument.getDocumentElement().getAttribute("role")).isEqualTo("tree");
            var items = svgDocument.getElementsByTagName("g");
            int treeItems = 0;
            for (int i = 0; i < items.getLength(); i++) {
                var g = (org.w3c.dom.Element) items.item(i);
                if (g.getAttribute("role").equals("treeitem")) {
                    treeItems++;
                    assertThat(g.getAttribute("aria-level")).isNotBlank();
                    assertThat(g.getAttribute("tabindex")).isIn("0", "-1");
                }
            }
            assertThat(treeItems).isEqualTo(61);
            assertThat(svg).contains("Answer 12 &amp; why &lt;it&gt;").doesNotContain("<it>");
        }

        @Test
        void eachAnswerIsNestedInItsParentsGroupWithItsLevel() throws Exception {
            List<NodeView> nodes =
                    List.of(node(1, null, 1, "a", false), node(2, 1L, 2, "b", true), node(3, null, 1, "c", false));
            Document svg = parse(TreeDiagram.svg(tree(nodes), TreeLayout.of(nodes), TreeDiagram.Mode.PAGE));
            var b = find(svg, "why-node-2");
            assertThat(b.getAttribute("aria-level")).isEqualTo("3");
            var group = (org.w3c.dom.Element) b.getParentNode();
            assertThat(group.getAttribute("role")).isEqualTo("group");
            assertThat(((org.w3c.dom.Element) group.getParentNode()).getAttribute("id"))
                    .isEqualTo("why-node-1");
            assertThat(find(svg, "why-node-1").getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(find(svg, "why-node-3").hasAttribute("aria-expanded")).isFalse();
            assertThat(find(svg, "why-node-0").getAttribute("tabindex")).isEqualTo("0");
            assertThat(b.getAttribute("aria-label")).contains("Why? b.", "Chosen.");
        }

        @Test
        void theExportDrawingHasNoFocusableItems() {
            List<NodeView> nodes = List.of(node(1, null, 1, "a", false));
            String svg = TreeDiagram.svg(tree(nodes), TreeLayout.of(nodes), TreeDiagram.Mode.EXPORT);
            assertThat(svg).contains("role=\"img\"").doesNotContain("tabindex", "treeitem");
        }

        @Test
        void longAnswersWrapIntoThreeLinesAndEndInAnEllipsis() {
            List<String> lines = TreeDiagram.wrap(
                    "The connection pool was sized for last year's traffic and nobody revisited it when the"
                            + " marketing campaign doubled the number of checkouts per minute",
                    29,
                    3);
            assertThat(lines).hasSize(3);
            assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(29));
            assertThat(lines.getLast()).endsWith("…");
            assertThat(TreeDiagram.wrap("https://grafana.example/d/abcdefghijklmnopqrstuvwxyz/pool", 29, 3))
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(29));
            assertThat(TreeDiagram.wrap("Short", 29, 3)).containsExactly("Short");
        }

        static org.w3c.dom.Element find(Document svg, String id) {
            var all = svg.getElementsByTagName("g");
            for (int i = 0; i < all.getLength(); i++) {
                var g = (org.w3c.dom.Element) all.item(i);
                if (g.getAttribute("id").equals(id)) {
                    return g;
                }
            }
            throw new AssertionError("no " + id);
        }
    }

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
