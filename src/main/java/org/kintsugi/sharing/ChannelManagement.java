package org.kintsugi.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.StaleVersionException;
import org.kintsugi.shared.secrets.SecretColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Let administrators add, change and remove the chat channels announcements go to, send one a test message, and
 * follow and retry what failed.
 */
@Service
@Transactional
public class ChannelManagement {

    /** At most this many channels. */
    public static final int MAX_CHANNELS = 50;

    private final Channels channels;
    private final Deliveries deliveries;
    private final WebhookPayloads payloads;
    private final WebhookSender webhooks;
    private final Dispatcher dispatcher;
    private final Clock clock;

    ChannelManagement(
            Channels channels,
            Deliveries deliveries,
            WebhookPayloads payloads,
            WebhookSender webhooks,
            Dispatcher dispatcher,
            Clock clock) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Return every channel, by name. */
    @Transactional(readOnly = true)
    public List<ChannelView> list() {
        return channels.all().stream()
                .map(c -> c.view(deliveries.failing(c.id())))
                .toList();
    }

    /** Return one channel. */
    @Transactional(readOnly = true)
    public ChannelView find(long id) {
        Channels.Channel channel = load(id);
        return channel.view(deliveries.failing(id));
    }

    /** Add a channel; its address is required. */
    public ChannelView add(ChannelDetails details) {
        if (details.url() == null) {
            throw new org.kintsugi.shared.InvalidInputException("url", "is required: the incoming webhook's address");
        }
        if (channels.count() >= MAX_CHANNELS) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.FULL,
                    "name",
                    "sharing-channels",
                    MAX_CHANNELS,
                    "There are " + MAX_CHANNELS + " channels already; remove one first");
        }
        return find(channels.add(details, details.url(), clock.instant()));
    }

    /** Change a channel that is still at {@code expectedVersion}; without an address, the stored one is kept. */
    public ChannelView change(long id, long expectedVersion, ChannelDetails details) {
        Channels.Channel current = load(id);
        String url = details.url() == null ? current.url() : details.url();
        if (!channels.change(id, expectedVersion, details, url, clock.instant())) {
            throw new StaleVersionException("the channel", expectedVersion, load(id).version());
        }
        return find(id);
    }

    /** Remove a channel, at {@code expectedVersion} when given, with what it was still to be sent. */
    public void remove(long id, @Nullable Long expectedVersion) {
        Channels.Channel current = load(id);
        long version = expectedVersion == null ? current.version() : expectedVersion;
        if (!channels.remove(id, version)) {
            throw new StaleVersionException("the channel", version, load(id).version());
        }
    }

    /** The answer to a test message: whether the channel took it, and if not, what it said. */
    public record TestResult(boolean delivered, @Nullable String error) {}

    /** Send a test message to a channel now, outside the outbox, and say how it went. */
    @Transactional(readOnly = true)
    public TestResult test(long id) {
        Channels.Channel channel = load(id);
        Instant now = clock.instant();
        Announcement sample = new Announcement(
                "test:" + id + ":" + now.toEpochMilli(),
                null,
                "Test message from Kintsugi",
                "This channel is set up: published postmortems will appear here like this, with their **key"
                        + " lessons** and contributing factors.",
                "https://kintsugi.invalid/",
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                Announcement.Audience.subscribers(),
                "Kintsugi",
                now);
        try {
            webhooks.post(channel.url(), payloads.write(channel.format(), sample));
            return new TestResult(true, null);
        } catch (RuntimeException e) {
            return new TestResult(false, e.getMessage());
        }
    }

    /** Return the deliveries in a state (all when null), the newest first, at most 500. */
    @Transactional(readOnly = true)
    public List<DeliveryView> deliveries(@Nullable DeliveryState state) {
        return deliveries.list(state);
    }

    /** Try a failed delivery again now. */
    public void retry(long deliveryId) {
        if (!deliveries.retryNow(deliveryId, clock.instant())) {
            throw new NotFoundException("There is no failed delivery " + deliveryId + ".");
        }
        Dispatcher.afterCommit(dispatcher::dispatchSoon);
    }

    /** Try every failed delivery of a channel again now; return how many. */
    public int retryChannel(long id) {
        load(id);
        int count = deliveries.retryChannel(id, clock.instant());
        Dispatcher.afterCommit(dispatcher::dispatchSoon);
        return count;
    }

    private Channels.Channel load(long id) {
        return channels.find(id).orElseThrow(() -> new NotFoundException("There is no channel " + id + "."));
    }

    @Configuration(proxyBeanMethods = false)
    static class ChannelSecrets {

        /** A webhook's address lets anyone post to the channel: kept encrypted, re-encrypted on key rotation. */
        @Bean
        SecretColumns sharingSecretColumns() {
            return new SecretColumns("sharing_channels", "id", "url");
        }
    }
}
