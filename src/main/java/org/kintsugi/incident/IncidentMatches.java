package org.kintsugi.incident;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;

/**
 * A page of incidents for people to browse and how many match in all. With a text filter the matches are counted only
 * a few pages past the page shown, as counting them means reading every title and summary; {@code moreThan} then
 * says how far the count went, and the page's total is one more than that, so it still knows there is a next page.
 *
 * @param moreThan the number of matches counted when there are more, or {@code null} when the total is exact
 */
public record IncidentMatches(
        Page<IncidentView> page, @Nullable Long moreThan) {

    /** Return whether the total is only known to exceed {@link #moreThan}. */
    public boolean countStopped() {
        return moreThan != null;
    }
}
