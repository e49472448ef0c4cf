package org.kintsugi.action.tracker;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The tracker jobs, each on one node at a time: send again the requests whose next attempt is due, read the state of
 * every followed ticket (for trackers whose webhooks cannot reach Kintsugi, or missed one), and forget old webhook
 * deliveries. A cron of {@code -} switches a job off.
 */
@Component
class TrackerJobs {

    private final TrackerSync sync;
    private final TicketFollower follower;
    private final TrackerDeliveries deliveries;

    TrackerJobs(TrackerSync sync, TicketFollower follower, TrackerDeliveries deliveries) {
        this.sync = sync;
        this.follower = follower;
        this.deliveries = deliveries;
    }

    /** Send again every request whose backoff has run out. */
    @Scheduled(cron = "${kintsugi.trackers.retry-cron:30 * * * * *}")
    @SchedulerLock(name = "tracker-retry", lockAtMostFor = "PT30M")
    public void retryDue() {
        sync.retryDue();
    }

    /** Read the state of every ticket whose item it could still move. */
    @Scheduled(cron = "${kintsugi.trackers.poll-cron:0 */5 * * * *}")
    @SchedulerLock(name = "tracker-poll", lockAtMostFor = "PT30M")
    public void poll() {
        follower.pollAll();
    }

    /** Forget the webhook deliveries older than the window in which a second one counts as a duplicate. */
    @Scheduled(cron = "${kintsugi.trackers.prune-cron:0 7 * * * *}")
    @SchedulerLock(name = "tracker-deliveries-prune", lockAtMostFor = "PT30M")
    public void forgetOldDeliveries() {
        deliveries.forgetOld();
    }
}
