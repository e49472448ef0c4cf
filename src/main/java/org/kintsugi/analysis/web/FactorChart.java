package org.kintsugi.analysis.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.factors.FactorSearch;

/** The count of factors per category drawn as horizontal bars, laid out here so the page only writes SVG. */
public record FactorChart(int width, int height, List<Bar> bars, String summary) {

    /** One category's bar: where it goes, how long it is, and where its count is written. */
    public record Bar(
            long categoryId,
            String label,
            int count,
            boolean selected,
            boolean retired,
            int y,
            int width,
            int labelY,
            int countX) {}

    static final int WIDTH = 640;
    static final int LEFT = 190;
    static final int PLOT = 400;
    static final int BAR = 16;
    static final int GAP = 8;
    static final int TOP = 6;

    /** Return whether no category has a factor, when the page says so instead of drawing a row of zeros. */
    public boolean empty() {
        return bars.stream().allMatch(b -> b.count() == 0);
    }

    static FactorChart of(FactorSearch search, @Nullable Long selected) {
        int most = search.most();
        List<Bar> bars = new ArrayList<>();
        int y = TOP;
        List<String> parts = new ArrayList<>();
        for (FactorSearch.Count count : search.counts()) {
            int width = count.count() == 0 ? 0 : Math.max(2, Math.round((float) count.count() * PLOT / most));
            String name = count.category().name();
            String label = name.length() > 26 ? name.substring(0, 25).strip() + "…" : name;
            bars.add(new Bar(
                    count.category().id(),
                    label,
                    count.count(),
                    selected != null && selected == count.category().id(),
                    count.category().retired(),
                    y,
                    width,
                    y + BAR - 4,
                    LEFT + width + 6));
            parts.add(name + " " + count.count());
            y += BAR + GAP;
        }
        return new FactorChart(WIDTH, y + TOP, bars, "Contributing factors per category: " + String.join(", ", parts));
    }
}
