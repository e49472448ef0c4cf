package org.kintsugi.action;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.kintsugi.postmortem.PostmortemManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notice, once per item, when an open action item passes its due date (a UTC day, as the overdue list counts it), and
 * publish {@link ActionItemOverdue} for it.
 */
@Component
class OverdueActions {

    private final ActionItems items;
    private final PostmortemManagement postmortems;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OverdueActions(
            ActionItems items,
            PostmortemManagement postmortems,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.items = items;
        this.postmortems = postmortems;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Run with the reminders, every quarter hour unless configured otherwise. */
    @Scheduled(cron = "${kintsugi.reminders.cron:0 */15 * * * *}")
    @SchedulerLock(name = "action-overdue", lockAtMostFor = "PT14M")
    public void noticeScheduled() {
        notice();
    }

    /**
     * Mark each open item whose due date has passed and that no run has marked yet, and publish it.
     *
     * @return the events published
     */
    @Transactional
    public List<ActionItemOverdue> notice() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Long> due = jdbc.sql("select id from action_items where status in ('PROPOSED', 'COMMITTED', 'IN_PROGRESS')"
                        + " and due_date < :today and overdue_noticed_at is null order by id")
                .param("today", today)
                .query(Long.class)
                .list();
        List<ActionItemOverdue> noticed = new ArrayList<>();
        for (long id : due) {
            // The mark is written apart from the entity, so it neither bumps the item's version nor is lost when a
            // person saves the item at the same time; a second node's run finds it already marked.
            int marked = jdbc.sql("update action_items set overdue_noticed_at = :now"
                            + " where id = :id and overdue_noticed_at is null")
                    .param("now", Timestamp.from(now))
                    .param("id", id)
                    .update();
            ActionItem item = items.findById(id).orElse(null);
            if (marked == 1 && item != null) {
                ActionItemOverdue event =
                        item.overdue(postmortems.find(item.postmortemId()).incidentId(), today);
                events.publishEvent(event);
                noticed.add(event);
            }
        }
        return noticed;
    }
}
