package org.kintsugi.analysis.whys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where each box of a five-whys diagram goes, top down: the problem statement at the top, each answer below what it
 * answers. Every subtree gets a band of its own as wide as its widest level, its children side by side in it and
 * the parent centred over them, so no two boxes overlap however the tree branches; a whole tree is laid out in one
 * pass over its nodes.
 *
 * @param boxes the problem statement first (id 0), then the answers, parents before their children
 */
public record TreeLayout(int width, int height, List<Box> boxes) {

    public static final int NODE_WIDTH = 200;
    public static final int NODE_HEIGHT = 80;
    static final int GAP_X = 20;
    static final int GAP_Y = 40;
    static final int MARGIN = 10;

    /** One box: its answer's id (0 for the problem statement), its parent's, its level and its top-left corner. */
    public record Box(long id, long parentId, int level, int x, int y) {

        public int width() {
            return NODE_WIDTH;
        }

        public int height() {
            return NODE_HEIGHT;
        }

        public int centreX() {
            return x + NODE_WIDTH / 2;
        }

        /** Return whether this box and another share any point. */
        public boolean overlaps(Box other) {
            return x < other.x + NODE_WIDTH
                    && other.x < x + NODE_WIDTH
                    && y < other.y + NODE_HEIGHT
                    && other.y < y + NODE_HEIGHT;
        }
    }

    /** Lay out a tree whose answers come parents first. */
    public static TreeLayout of(List<NodeView> nodes) {
        Map<Long, List<Long>> children = new HashMap<>();
        for (NodeView node : nodes) {
            children.computeIfAbsent(key(node.parentId()), k -> new ArrayList<>())
                    .add(node.id());
        }
        Map<Long, Integer> bands = new HashMap<>();
        band(0L, children, bands);
        Map<Long, Integer> centres = new HashMap<>();
        place(0L, MARGIN, children, bands, centres);
        List<Box> boxes = new ArrayList<>();
        boxes.add(box(0L, 0L, 0, centres));
        int deepest = 0;
        Map<Long, Integer> levels = new HashMap<>();
        levels.put(0L, 0);
        for (NodeView node : nodes) {
            long parent = key(node.parentId());
            int level = levels.get(parent) + 1;
            levels.put(node.id(), level);
            deepest = Math.max(deepest, level);
            boxes.add(box(node.id(), parent, level, centres));
        }
        int width = bands.get(0L) + 2 * MARGIN;
        int height = 2 * MARGIN + (deepest + 1) * NODE_HEIGHT + deepest * GAP_Y;
        return new TreeLayout(width, height, boxes);
    }

    /** Return the box of an answer, or of the problem statement for id 0. */
    public Box box(long id) {
        return boxes.stream().filter(b -> b.id() == id).findFirst().orElseThrow();
    }

    private static long key(@Nullable Long parentId) {
        return parentId == null ? 0L : parentId;
    }

    private static Box box(long id, long parent, int level, Map<Long, Integer> centres) {
        int x = Objects.requireNonNull(centres.get(id)) - NODE_WIDTH / 2;
        return new Box(id, parent, level, x, MARGIN + level * (NODE_HEIGHT + GAP_Y));
    }

    /** Work out how wide each subtree's band is: its box, or its children's bands side by side if wider. */
    private static int band(long id, Map<Long, List<Long>> children, Map<Long, Integer> bands) {
        int sum = 0;
        List<Long> kids = children.getOrDefault(id, List.of());
        for (long kid : kids) {
            sum += band(kid, children, bands);
        }
        sum += Math.max(0, kids.size() - 1) * GAP_X;
        int width = Math.max(NODE_WIDTH, sum);
        bands.put(id, width);
        return width;
    }

    /** Place a subtree in the band starting at {@code left}, and return the centre of its box. */
    private static int place(
            long id, int left, Map<Long, List<Long>> children, Map<Long, Integer> bands, Map<Long, Integer> centres) {
        List<Long> kids = children.getOrDefault(id, List.of());
        int centre;
        if (kids.isEmpty()) {
            centre = left + bands.get(id) / 2;
        } else {
            int span = kids.stream().mapToInt(bands::get).sum() + (kids.size() - 1) * GAP_X;
            int at = left + (bands.get(id) - span) / 2;
            int first = 0;
            int last = 0;
            for (int i = 0; i < kids.size(); i++) {
                int kidCentre = place(kids.get(i), at, children, bands, centres);
                if (i == 0) {
                    first = kidCentre;
                }
                last = kidCentre;
                at += bands.get(kids.get(i)) + GAP_X;
            }
            centre = (first + last) / 2;
        }
        centres.put(id, centre);
        return centre;
    }
}
