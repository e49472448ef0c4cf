package org.kintsugi.action.tracker;

/** A ticket a tracker has just created: where it is, its key and address, and its state. */
record Ticket(String project, String id, String key, String url, TicketState state) {}
