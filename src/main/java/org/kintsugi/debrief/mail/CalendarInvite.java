package org.kintsugi.debrief.mail;

import java.time.Instant;
import java.util.List;
import org.kintsugi.debrief.Answer;
import org.kintsugi.debrief.InviteeRole;

/**
 * One debrief as an iCalendar event: the UID stays the same for the debrief's life, {@code sequence} rises with each
 * change the invitees are told of, and {@code cancelled} makes it a cancellation.
 */
public record CalendarInvite(
        String uid,
        int sequence,
        boolean cancelled,
        String title,
        String description,
        Instant startsAt,
        int durationMinutes,
        String meetingLink,
        Person organizer,
        List<Attendee> attendees,
        Instant stamp) {

    /** A person with a name and a mail address. */
    public record Person(String name, String email) {}

    /** One attendee, with their part in the meeting and their answer so far. */
    public record Attendee(String name, String email, InviteeRole role, Answer answer) {}
}
