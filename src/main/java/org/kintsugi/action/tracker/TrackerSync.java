package org.kintsugi.action.tracker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionStatus;
import org.kintsugi.action.ActionView;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Send action items to trackers and show where each stands. A request is saved before the tracker is called, so it is
 * never lost; when the tracker is down or overloaded it is tried again with backoff, and when it refuses, the item
 * says why.
 */
@Service
public class TrackerSync {

    private static final Logger log = LoggerFactory.getLogger(TrackerSync.class);

    /** How long one attempt holds a request, longer than any call to a tracker can take. */
    static final Duration HOLD = Duration.ofMinutes(1);

    private static final int BATCH = 50;

    private final TrackerLinks links;
    private final TrackerConfiguration configuration;
    private final TrackerClients clients;
    private final ActionManagement actions;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String baseUrl;

    TrackerSync(
            TrackerLinks links,
            TrackerConfiguration configuration,
            TrackerClients clients,
            ActionManagement actions,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${kintsugi.base-url:http://localhost:8080}") String baseUrl) {
        this.links = links;
        this.configuration = configuration;
        this.clients = clients;
        this.actions = actions;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /**
     * Ask a tracker for a ticket for an item and try at once. Refused for an item that already has a ticket or is
     * waiting for one, for a dropped or verified item, and for a tracker that is not set up.
     */
    public TrackerLinkView send(long actionId, TrackerKind kind, Author actor) {
        long linkId = Objects.requireNonNull(tx.execute(status -> request(actionId, kind, actor)));
        attempt(linkId);
        return view(linkId);
    }

    /** Return an item's ticket, if it was ever sent to a tracker. */
    public Optional<TrackerLinkView> linkFor(long actionId) {
        return links.findByActionId(actionId).map(TrackerLink::view);
    }

    /** Return the tickets of several items by item id; items never sent are left out. */
    public Map<Long, TrackerLinkView> linksFor(Collection<Long> actionIds) {
        if (actionIds.isEmpty()) {
            return Map.of();
        }
        return links.findByActionIdIn(actionIds).stream()
                .map(TrackerLink::view)
                .collect(Collectors.toMap(TrackerLinkView::actionId, Function.identity()));
    }

    /** Try again every request whose next attempt is due; return how many were tried. */
    public int retryDue() {
        List<Long> due = links.due(RequestState.PENDING, clock.instant(), Limit.of(BATCH));
        int tried = 0;
        for (long id : due) {
            if (claim(id)) {
                attempt(id);
                tried++;
            }
        }
        return tried;
    }

    private long request(long actionId, TrackerKind kind, Author actor) {
        ActionView item = actions.find(actionId);
        if (item.status() == ActionStatus.DROPPED || item.status() == ActionStatus.VERIFIED) {
            throw RefusedException.state("An item that is "
                    + item.status().label().toLowerCase() + " is not sent to a tracker: there is nothing left to do.");
        }
        if (!configuration.usable().contains(kind)) {
            throw new InvalidInputException(
                    "tracker", kind.label() + " is not set up: an administrator sets it up under Trackers");
        }
        Instant now = clock.instant();
        TrackerLink link = links.findByActionId(actionId).orElse(null);
        if (link == null) {
            link = new TrackerLink(actionId, kind, now, actor.name(), now.plus(HOLD));
        } else if (link.state() == RequestState.SENT) {
            throw RefusedException.state("This item already has a ticket: "
                    + link.kind().label() + " " + link.view().key() + ".");
        } else if (link.state() == RequestState.PENDING) {
            throw RefusedException.state(
                    "This item is already on its way to " + link.kind().label() + "; Kintsugi tries again at "
                            + link.view().nextAttemptAt() + ".");
        } else {
            link.request(kind, now, actor.name(), now.plus(HOLD));
        }
        try {
            return links.saveAndFlush(link).id();
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
            throw RefusedException.state("Someone else sent this item to a tracker just now.");
        }
    }

    /** Take a due request for this node, so two nodes (or a retry and a click) never create two tickets. */
    private boolean claim(long linkId) {
        try {
            Boolean claimed = tx.execute(status -> links.findById(linkId)
                    .map(link -> link.claim(clock.instant(), clock.instant().plus(HOLD)))
                    .orElse(false));
            return Boolean.TRUE.equals(claimed);
        } catch (OptimisticLockingFailureException e) {
            return false;
        }
    }

    /** Call the tracker without holding a transaction, then record what happened. */
    private void attempt(long linkId) {
        TrackerLink link = links.findById(linkId).orElseThrow();
        Optional<Connection> connection = configuration.connection(link.kind());
        if (connection.isEmpty()) {
            record(linkId, l -> l.refused(link.kind().label() + " is no longer set up in Kintsugi."));
            return;
        }
        try {
            TicketContent content = TicketContent.of(actions.find(link.actionId()), baseUrl);
            Ticket ticket = clients.of(link.kind()).create(connection.get(), content);
            record(linkId, l -> l.created(ticket, clock.instant()));
        } catch (TrackerCallException e) {
            log.info(
                    "Sending action item {} to {} failed: {}",
                    link.actionId(),
                    link.kind().label(),
                    e.getMessage());
            if (e.retryable()) {
                record(linkId, l -> retryLater(l, e.getMessage(), e.retryAfter()));
            } else {
                record(linkId, l -> l.refused(e.getMessage()));
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Sending action item {} to {} failed",
                    link.actionId(),
                    link.kind().label(),
                    e);
            record(
                    linkId,
                    l -> retryLater(
                            l, "Kintsugi could not send it: " + e.getClass().getSimpleName(), null));
        }
    }

    private void retryLater(TrackerLink link, String error, @Nullable Duration asked) {
        int failures = link.view().attempts() + 1;
        link.attemptFailed(error, clock.instant().plus(Backoff.after(failures, asked)));
    }

    private void record(long linkId, Consumer<TrackerLink> change) {
        tx.executeWithoutResult(status -> change.accept(links.findById(linkId).orElseThrow()));
    }

    private TrackerLinkView view(long linkId) {
        return links.findById(linkId).orElseThrow().view();
    }
}
