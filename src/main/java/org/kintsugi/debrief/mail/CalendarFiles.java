package org.kintsugi.debrief.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Write a debrief as an iCalendar object with iCal4j: METHOD:REQUEST to invite or update, METHOD:CANCEL to call it
 * off (RFC 5546, sections 3.2.2 and 3.2.5). DTSTART is written in UTC, so no VTIMEZONE is needed.
 */
public final class CalendarFiles {

    static final String PRODUCT = "-//Kintsugi//Debriefs//EN";

    private CalendarFiles() {}

    /** Return the iCalendar text of the invitation or cancellation. */
    public static String ics(CalendarInvite invite) {
        VEvent event = new VEvent(invite.startsAt(), Duration.ofMinutes(invite.durationMinutes()), invite.title());
        event.replace(new DtStamp(invite.stamp()));
        event.add(new Uid(invite.uid()));
        event.add(new Sequence(invite.sequence()));
        event.add(new Description(invite.description()));
        event.add(new Location(invite.meetingLink()));
        event.add(new Url(URI.create(invite.meetingLink())));
        Organizer organizer = new Organizer(mailto(invite.organizer().email()));
        organizer.add(new Cn(invite.organizer().name()));
        event.add(organizer);
        for (CalendarInvite.Attendee person : invite.attendees()) {
            Attendee attendee = new Attendee(mailto(person.email()));
            attendee.add(new Cn(person.name()));
            attendee.add(CuType.INDIVIDUAL);
            attendee.add(
                    switch (person.role()) {
                        case FACILITATOR -> Role.CHAIR;
                        case REQUIRED -> Role.REQ_PARTICIPANT;
                        case OPTIONAL -> Role.OPT_PARTICIPANT;
                    });
            attendee.add(
                    switch (person.answer()) {
                        case YES -> PartStat.ACCEPTED;
                        case NO -> PartStat.DECLINED;
                        case MAYBE -> PartStat.TENTATIVE;
                        case NONE -> PartStat.NEEDS_ACTION;
                    });
            event.add(attendee);
        }
        if (invite.cancelled()) {
            event.add(ImmutableStatus.VEVENT_CANCELLED);
        } else {
            event.add(ImmutableStatus.VEVENT_CONFIRMED);
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(invite.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(event);
        return calendar.toString();
    }

    private static URI mailto(String email) {
        try {
            return new URI("mailto", email, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not an address for a calendar: " + email, e);
        }
    }
}
