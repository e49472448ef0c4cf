package org.kintsugi.action.tracker;

/** Create tickets in one tracker and read their state, as its REST API documents. */
interface TrackerClient {

    TrackerKind kind();

    /** Create the ticket for an action item; throws {@link TrackerCallException} when the tracker fails. */
    Ticket create(Connection connection, TicketContent content);

    /** Read whether a ticket is open or closed; throws {@link TrackerCallException} when the tracker fails. */
    TicketState fetch(Connection connection, TicketRef ticket);
}
