package org.kintsugi.sharing;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read what was published, as announced: the newest postmortems for a feed, and one month's for the learning review.
 * Each postmortem appears once, as its latest revision.
 */
@Service
@Transactional(readOnly = true)
public class Learning {

    /** A feed carries at most this many entries. */
    public static final int FEED_ENTRIES = 50;

    /** A month's review lists at most this many postmortems. */
    public static final int MONTH_ENTRIES = 200;

    private static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("9999-01-01T00:00:00Z");

    private final AnnouncementRecords records;

    Learning(AnnouncementRecords records) {
        this.records = records;
    }

    /** Return the most recently published postmortems, the newest first, at most {@link #FEED_ENTRIES}. */
    public List<SharedPostmortem> latest() {
        List<SharedPostmortem> newest = once(records.postmortems(BEGINNING, END, FEED_ENTRIES * 4));
        return newest.size() > FEED_ENTRIES ? newest.subList(0, FEED_ENTRIES) : newest;
    }

    /** Return the postmortems published in a month on the clock of {@code zone}, in the order they were published. */
    public List<SharedPostmortem> publishedIn(YearMonth month, ZoneId zone) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<SharedPostmortem> published = new ArrayList<>(once(records.postmortems(from, to, MONTH_ENTRIES * 4)));
        published.sort(Comparator.comparing(SharedPostmortem::publishedAt));
        return published.size() > MONTH_ENTRIES ? published.subList(0, MONTH_ENTRIES) : published;
    }

    /** Keep each postmortem's newest announcement (rows come newest first), noting when it was first published. */
    private static List<SharedPostmortem> once(List<AnnouncementRecords.Recorded> newestFirst) {
        Map<Long, SharedPostmortem> byPostmortem = new LinkedHashMap<>();
        for (AnnouncementRecords.Recorded recorded : newestFirst) {
            Announcement a = recorded.announcement();
            Long id = a.postmortemId();
            if (id == null) {
                continue;
            }
            SharedPostmortem seen = byPostmortem.get(id);
            if (seen == null) {
                byPostmortem.put(id, shared(id, a));
            } else {
                byPostmortem.put(id, withFirst(seen, a.publishedAt()));
            }
        }
        return List.copyOf(byPostmortem.values());
    }

    private static SharedPostmortem shared(long id, Announcement a) {
        return new SharedPostmortem(
                id,
                a.title(),
                a.link(),
                a.incidentKey(),
                a.incidentKind(),
                a.severity(),
                a.teams(),
                a.services(),
                a.summary(),
                a.factors(),
                a.publishedBy(),
                a.publishedAt(),
                a.publishedAt());
    }

    private static SharedPostmortem withFirst(SharedPostmortem p, Instant first) {
        return new SharedPostmortem(
                p.postmortemId(),
                p.title(),
                p.link(),
                p.incidentKey(),
                p.incidentKind(),
                p.severity(),
                p.teams(),
                p.services(),
                p.summary(),
                p.factors(),
                p.publishedBy(),
                first.isBefore(p.firstPublishedAt()) ? first : p.firstPublishedAt(),
                p.publishedAt());
    }
}
