package org.kintsugi.sharing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Send what the outbox holds: right after an announcement is committed, every minute for what failed and is due
 * again (on one node at a time), and once at start for what a stopped node left. Each delivery is claimed before it
 * is sent, so no two senders send the same one; a failure is written down with the next try's time (see
 * {@link Backoff}) and never dropped.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /**
     * How long a claimed delivery is left to its sender before another may take it: longer than a webhook call can take
     * (connect and read timeouts) or a mail's hand-over to SMTP (spring.mail.properties' timeouts, 70 s in all).
     */
    private final Duration lease;

    static final int BATCH = 50;

    private final Deliveries deliveries;
    private final AnnouncementRecords announcements;
    private final Channels channels;
    private final Subscriptions subscriptions;
    private final WebhookPayloads payloads;
    private final WebhookSender webhooks;
    private final AnnouncementMail mail;
    private final Clock clock;

    Dispatcher(
            Deliveries deliveries,
            AnnouncementRecords announcements,
            Channels channels,
            Subscriptions subscriptions,
            WebhookPayloads payloads,
            WebhookSender webhooks,
            AnnouncementMail mail,
            Clock clock,
            @Value("${kintsugi.sharing.lease:PT2M}") Duration lease) {
        this.lease = lease;
        this.deliveries = deliveries;
        this.announcements = announcements;
        this.channels = channels;
        this.subscriptions = subscriptions;
        this.payloads = payloads;
        this.webhooks = webhooks;
        this.mail = mail;
        this.clock = clock;
    }

    /** Send what is due, soon, on another thread. */
    @Async
    void dispatchSoon() {
        dispatchDue();
    }

    /**
     * Run a sender (through this component's proxy, so {@link #dispatchSoon()} stays asynchronous) once the caller's
     * transaction has committed, at once when there is none: a sender started before the commit would look for the
     * new or retried deliveries without seeing them and leave them to the next minute's retry.
     */
    static void afterCommit(Runnable sender) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.run();
                }
            });
        } else {
            sender.run();
        }
    }

    /** Send again what failed and is due. */
    @Scheduled(cron = "${kintsugi.sharing.retry-cron:30 * * * * *}")
    @SchedulerLock(name = "sharing-deliveries", lockAtMostFor = "PT10M")
    void retryDue() {
        dispatchDue();
    }

    @Async
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        dispatchDue();
    }

    /** Send every delivery due now; return how many went out. */
    int dispatchDue() {
        int sent = 0;
        for (int round = 0; round < 20; round++) {
            List<Long> due = deliveries.due(clock.instant(), BATCH);
            if (due.isEmpty()) {
                break;
            }
            for (long id : due) {
                if (deliver(id)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean deliver(long id) {
        Instant now = clock.instant();
        if (!deliveries.claim(id, now, now.plus(lease))) {
            return false;
        }
        Deliveries.Delivery delivery = deliveries.find(id).orElse(null);
        if (delivery == null) {
            return false; // its channel was removed meanwhile, and what it was still owed with it
        }
        try {
            send(delivery);
            deliveries.sent(id, clock.instant());
            return true;
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Instant next = clock.instant().plus(Backoff.after(delivery.attempts()));
            log.warn("Delivery {} failed (attempt {}), next try at {}: {}", id, delivery.attempts(), next, reason);
            deliveries.failed(id, reason, next);
            return false;
        }
    }

    private void send(Deliveries.Delivery delivery) {
        Announcement announcement =
                announcements.find(delivery.announcementId()).orElseThrow().announcement();
        if (delivery.channelId() != null) {
            Channels.Channel channel = channels.find(delivery.channelId())
                    .orElseThrow(() -> new IllegalStateException("The channel was removed."));
            webhooks.post(channel.url(), payloads.write(channel.format(), announcement));
            return;
        }
        String to = delivery.email();
        if (to == null) {
            throw new IllegalStateException("The delivery names no channel and no address.");
        }
        String unsubscribe = delivery.personId() == null
                ? null
                : subscriptions
                        .find(delivery.personId())
                        .map(Subscriptions.Subscription::unsubscribeToken)
                        .orElse(null);
        if (!mail.send(to, announcement, unsubscribe)) {
            throw new IllegalStateException("Mail is off: no SMTP server is set (spring.mail.host).");
        }
    }
}
