package org.kintsugi.action.tracker;

/**
 * A ticket's state as a tracker reports it.
 *
 * @param status the tracker's own word for it, e.g. {@code opened} or {@code In Review}
 * @param closed whether the tracker counts the ticket as finished
 */
record TicketState(String status, boolean closed) {}
