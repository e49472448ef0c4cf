package org.kintsugi.postmortem.web;

import java.util.List;

/**
 * The part of a long timeline the postmortem page shows at once ({@code kintsugi.limits.timeline-page} lines), so that
 * a page at the limit of events stays small and quick; the rest is a link away.
 *
 * @param lines the lines on this page
 * @param page this page, from 1
 * @param pages how many pages the timeline has, at least 1
 * @param first the number of the first line shown, from 1 (0 when there are none)
 * @param last the number of the last line shown
 * @param total how many lines the timeline has
 */
public record TimelineWindow(List<TimelineLine> lines, int page, int pages, int first, int last, int total) {

    /** Return the given page of the lines, {@code size} to a page; a page past either end shows the nearest one. */
    static TimelineWindow of(List<TimelineLine> all, int page, int size) {
        int per = Math.max(1, size);
        int pages = Math.max(1, (all.size() + per - 1) / per);
        int shown = Math.min(Math.max(1, page), pages);
        int from = (shown - 1) * per;
        int to = Math.min(all.size(), from + per);
        return new TimelineWindow(
                List.copyOf(all.subList(from, to)), shown, pages, to == 0 ? 0 : from + 1, to, all.size());
    }

    /** Return whether the timeline is longer than one page. */
    public boolean paged() {
        return pages > 1;
    }
}
