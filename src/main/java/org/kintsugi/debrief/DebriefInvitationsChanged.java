package org.kintsugi.debrief;

/**
 * Invitees of a debrief are owed a mail: it was scheduled, changed, cancelled, or someone was invited or taken off.
 * The mail sender reads what is owed from the debrief itself, so a late or repeated delivery sends nothing twice.
 */
public record DebriefInvitationsChanged(long debriefId, int sequence) {}
