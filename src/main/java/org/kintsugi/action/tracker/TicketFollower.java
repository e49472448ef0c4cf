package org.kintsugi.action.tracker;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionView;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bring a ticket's state back to its item, whether a webhook or a poll reports it: closing the ticket completes the
 * item, reopening it reopens the item. Only a change of the ticket's state counts, so a webhook and a poll that report
 * the same state apply it once.
 */
@Component
class TicketFollower {

    private static final Logger log = LoggerFactory.getLogger(TicketFollower.class);

    private final TrackerLinks links;
    private final TrackerConfiguration configuration;
    private final TrackerClients clients;
    private final ActionManagement actions;
    private final TransactionTemplate tx;
    private final Clock clock;

    TicketFollower(
            TrackerLinks links,
            TrackerConfiguration configuration,
            TrackerClients clients,
            ActionManagement actions,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.links = links;
        this.configuration = configuration;
        this.clients = clients;
        this.actions = actions;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Apply what a webhook says about a ticket; return false when Kintsugi has no item with that ticket. */
    boolean report(TrackerKind kind, String project, String id, TicketState seen) {
        List<TrackerLink> found =
                links.findByTrackerAndRemoteProjectAndRemoteIdAndState(kind.code(), project, id, RequestState.SENT);
        found.forEach(link -> apply(link.id(), seen));
        return !found.isEmpty();
    }

    /** Read the state of every followed ticket and apply it; return how many were read. */
    int pollAll() {
        int read = 0;
        for (long id : links.followed()) {
            if (poll(id)) {
                read++;
            }
        }
        return read;
    }

    private boolean poll(long linkId) {
        TrackerLink link = links.findById(linkId).orElseThrow();
        Optional<Connection> connection = configuration.connection(link.kind());
        if (connection.isEmpty()) {
            problem(
                    linkId,
                    link.kind().label() + " is no longer set up in Kintsugi, so the ticket's state is not read.");
            return false;
        }
        try {
            apply(linkId, clients.of(link.kind()).fetch(connection.get(), link.ticket()));
            return true;
        } catch (TrackerCallException e) {
            log.info("Reading ticket {} failed: {}", link.ticket().key(), e.getMessage());
            problem(linkId, "Could not read the ticket's state (tried again at the next poll): " + e.getMessage());
            return false;
        }
    }

    private void apply(long linkId, TicketState seen) {
        try {
            tx.executeWithoutResult(status -> {
                TrackerLink link = links.findById(linkId).orElseThrow();
                link.synced(seen, clock.instant());
                if (link.closedIs(seen.closed())) {
                    follow(link, seen.closed());
                }
            });
        } catch (OptimisticLockingFailureException | RefusedException e) {
            // A webhook and a poll (or a person) changed it at once: nothing is saved, the next report applies it.
            log.info("Ticket state of link {} not applied now: {}", linkId, e.getMessage());
        }
    }

    private void follow(TrackerLink link, boolean closed) {
        ActionView item = actions.find(link.actionId());
        Author actor =
                new Author(0, link.kind().label() + " issue " + link.ticket().key());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        link.note(null);
        if (closed) {
            switch (item.status()) {
                case COMMITTED, IN_PROGRESS -> actions.complete(item.id(), actor);
                case PROPOSED -> {
                    link.note("The ticket was closed on " + today + " while the item was still proposed, so"
                            + " Kintsugi did not mark it done: commit and complete it, or drop it.");
                    actions.note(
                            item.id(), actor, "ticket closed", "left proposed: commit and complete it, or drop it");
                }
                default -> {}
            }
        } else {
            switch (item.status()) {
                case DONE, NOT_EFFECTIVE -> actions.reopen(item.id(), actor);
                case VERIFIED -> {
                    link.note("The ticket was reopened on " + today + ", but the item was already verified"
                            + " effective, so Kintsugi left it as it is.");
                    actions.note(item.id(), actor, "ticket reopened", "left verified effective");
                }
                default -> {}
            }
        }
    }

    private void problem(long linkId, String problem) {
        try {
            tx.executeWithoutResult(
                    status -> links.findById(linkId).orElseThrow().syncFailed(problem));
        } catch (OptimisticLockingFailureException e) {
            log.debug("Link {} changed while recording a poll problem", linkId);
        }
    }
}
