package org.kintsugi.analysis.whys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where each box of a five-whys diagram goes, top down: the problem statement at the top, each answer below what it
 * answers, the parent centred over its answers. Subtrees are packed as in Reingold and Tilford's tidy tree: each
 * sibling's subtree moves left until, on some level, it would come closer than the gap to the subtrees before it,
 * so a deep narrow branch tucks in beside a wide one and no two boxes overlap. Every answer is placed once per level
 * of its subtree, which stays well under a millisecond for the largest tree a page draws.
 *
 * @param boxes the problem statement first (id 0), then the answers, parents before their children
 */
public record TreeLayout(int width, int height, List<Box> boxes) {

    public static final int NODE_WIDTH = 180;
    public static final int NODE_HEIGHT = 84;
    static final int GAP_X = 16;
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
        Subtree tree = subtree(0L, children);
        int leftmost = tree.left().stream().mapToInt(Integer::intValue).min().orElse(0);
        int rightmost = tree.right().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<Long, Integer> lefts = new HashMap<>();
        tree.lefts().forEach((id, x) -> lefts.put(id, MARGIN + x - leftmost));
        List<Box> boxes = new ArrayList<>();
        boxes.add(box(0L, 0L, 0, lefts));
        Map<Long, Integer> levels = new HashMap<>();
        levels.put(0L, 0);
        for (NodeView node : nodes) {
            long parent = key(node.parentId());
            int level = levels.get(parent) + 1;
            levels.put(node.id(), level);
            boxes.add(box(node.id(), parent, level, lefts));
        }
        int deepest = tree.left().size() - 1;
        int width = rightmost - leftmost + NODE_WIDTH + 2 * MARGIN;
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

    private static Box box(long id, long parent, int level, Map<Long, Integer> lefts) {
        return new Box(
                id, parent, level, Objects.requireNonNull(lefts.get(id)), MARGIN + level * (NODE_HEIGHT + GAP_Y));
    }

    /**
     * A laid-out subtree: the left edge of each box relative to the subtree's own box, and the leftmost and rightmost
     * box edge on each level below it (level 0 is its own box).
     */
    private record Subtree(Map<Long, Integer> lefts, List<Integer> left, List<Integer> right) {}

    private static Subtree subtree(long id, Map<Long, List<Long>> children) {
        List<Long> kids = children.getOrDefault(id, List.of());
        Map<Long, Integer> lefts = new HashMap<>();
        lefts.put(id, 0);
        if (kids.isEmpty()) {
            return new Subtree(lefts, List.of(0), List.of(0));
        }
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        Map<Long, Integer> placed = new HashMap<>();
        int first = 0;
        int last = 0;
        for (int k = 0; k < kids.size(); k++) {
            Subtree kid = subtree(kids.get(k), children);
            int shift = 0;
            if (k > 0) {
                shift = Integer.MIN_VALUE;
                for (int level = 0; level < Math.min(right.size(), kid.left().size()); level++) {
                    shift = Math.max(
                            shift,
                            right.get(level) + NODE_WIDTH + GAP_X - kid.left().get(level));
                }
            }
            for (int level = 0; level < kid.left().size(); level++) {
                int l = kid.left().get(level) + shift;
                int r = kid.right().get(level) + shift;
                if (level < left.size()) {
                    left.set(level, Math.min(left.get(level), l));
                    right.set(level, Math.max(right.get(level), r));
                } else {
                    left.add(l);
                    right.add(r);
                }
            }
            int by = shift;
            kid.lefts().forEach((node, x) -> placed.put(node, x + by));
            if (k == 0) {
                first = shift;
            }
            last = shift;
        }
        int self = (first + last) / 2;
        placed.forEach((node, x) -> lefts.put(node, x - self));
        List<Integer> subtreeLeft = new ArrayList<>(List.of(0));
        List<Integer> subtreeRight = new ArrayList<>(List.of(0));
        left.forEach(x -> subtreeLeft.add(x - self));
        right.forEach(x -> subtreeRight.add(x - self));
        return new Subtree(lefts, subtreeLeft, subtreeRight);
    }
}
