package org.kintsugi.action.report;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One line of the follow-up report: a team's figures for the month, or everyone's.
 *
 * @param medianDaysToDone the median of the days from proposal to done over the items done in the month, to one
 *     decimal; {@code null} when none was done
 */
public record FollowUpRow(
        String team,
        int opened,
        int committed,
        int done,
        int verifiedEffective,
        int notEffective,
        int dropped,
        int overdueAtMonthEnd,
        @Nullable BigDecimal medianDaysToDone) {

    /** Return the median as text, e.g. {@code 4.5}, or an empty string when nothing was done. */
    public String median() {
        return medianDaysToDone == null ? "" : medianDaysToDone.toPlainString();
    }
}
