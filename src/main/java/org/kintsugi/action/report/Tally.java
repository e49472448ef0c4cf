package org.kintsugi.action.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The figures of one row, added up item by item. */
final class Tally {

    private static final BigDecimal SECONDS_PER_DAY =
            BigDecimal.valueOf(Duration.ofDays(1).toSeconds());

    private final String team;
    private int opened;
    private int committed;
    private int done;
    private int verifiedEffective;
    private int notEffective;
    private int dropped;
    private int openAtEnd;
    private int overdue;
    private final List<Long> secondsToDone = new ArrayList<>();

    Tally(String team) {
        this.team = team;
    }

    void add(ItemMonth item) {
        opened += item.opened() ? 1 : 0;
        committed += item.committed() ? 1 : 0;
        done += item.done() ? 1 : 0;
        verifiedEffective += item.verifiedEffective() ? 1 : 0;
        notEffective += item.notEffective() ? 1 : 0;
        dropped += item.dropped() ? 1 : 0;
        openAtEnd += item.openAtEnd() ? 1 : 0;
        overdue += item.overdueAtEnd() ? 1 : 0;
        if (item.toDone() != null) {
            secondsToDone.add(item.toDone().toSeconds());
        }
    }

    /** Return whether the team had anything open or moving in the month, and so earns a row. */
    boolean active() {
        return opened + committed + done + verifiedEffective + notEffective + dropped + openAtEnd > 0;
    }

    FollowUpRow row() {
        return new FollowUpRow(
                team, opened, committed, done, verifiedEffective, notEffective, dropped, overdue, median());
    }

    private @Nullable BigDecimal median() {
        if (secondsToDone.isEmpty()) {
            return null;
        }
        List<Long> sorted = secondsToDone.stream().sorted().toList();
        int middle = sorted.size() / 2;
        long twice = sorted.size() % 2 == 1 ? 2 * sorted.get(middle) : sorted.get(middle - 1) + sorted.get(middle);
        return BigDecimal.valueOf(twice).divide(SECONDS_PER_DAY.multiply(BigDecimal.TWO), 1, RoundingMode.HALF_UP);
    }
}
