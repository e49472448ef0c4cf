package org.kintsugi.debrief.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.kintsugi.debrief.Answer;
import org.kintsugi.debrief.InviteeRole;

class CalendarFilesTests {

    static CalendarInvite invite(int sequence, boolean cancelled) {
        return new CalendarInvite(
                "debrief-123@kintsugi",
                sequence,
                cancelled,
                "Debrief: INC-7 Checkout unavailable",
                "A blameless debrief; commas, semicolons; and\nnew lines survive.",
                Instant.parse("2027-01-12T08:30:00Z"),
                90,
                "https://meet.example.org/inc-7",
                new CalendarInvite.Person("Lee Lead", "lee@example.org"),
                List.of(
                        new CalendarInvite.Attendee(
                                "Fay Facilitator", "fay@example.org", InviteeRole.FACILITATOR, Answer.YES),
                        new CalendarInvite.Attendee(
                                "guest@example.org", "guest@example.org", InviteeRole.OPTIONAL, Answer.NONE)),
                Instant.parse("2026-12-07T10:00:00Z"));
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void anInvitationIsARequestInUtcWithOrganizerAndAttendees() throws Exception {
        Calendar calendar = parse(CalendarFiles.ics(invite(0, false)));
        assertThat(calendar.validate().hasErrors())
                .as("iCal4j finds nothing wrong")
                .isFalse();
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("REQUEST");
        VEvent event = (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("debrief-123@kintsugi");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("0");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20270112T083000Z");
        assertThat(event.getProperty(Property.DURATION).orElseThrow().getValue())
                .isEqualTo("PT1H30M");
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue())
                .isEqualTo("Debrief: INC-7 Checkout unavailable");
        assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .isEqualTo("A blameless debrief; commas, semicolons; and\nnew lines survive.");
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue())
                .isEqualTo("mailto:lee@example.org");
        List<Property> attendees = event.getProperties(Property.ATTENDEE);
        assertThat(attendees)
                .extracting(Property::getValue)
                .containsExactly("mailto:fay@example.org", "mailto:guest@example.org");
        assertThat(attendees.get(0).getParameter(Parameter.ROLE).orElseThrow().getValue())
                .isEqualTo("CHAIR");
        assertThat(attendees
                        .get(0)
                        .getParameter(Parameter.PARTSTAT)
                        .orElseThrow()
                        .getValue())
                .isEqualTo("ACCEPTED");
        assertThat(attendees.get(1).getParameter(Parameter.ROLE).orElseThrow().getValue())
                .isEqualTo("OPT-PARTICIPANT");
        assertThat(attendees
                        .get(1)
                        .getParameter(Parameter.PARTSTAT)
                        .orElseThrow()
                        .getValue())
                .isEqualTo("NEEDS-ACTION");
    }

    @Test
    void aCancellationIsACancelWithTheSameUidAndAHigherSequence() throws Exception {
        Calendar calendar = parse(CalendarFiles.ics(invite(2, true)));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("CANCEL");
        VEvent event = (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("debrief-123@kintsugi");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("2");
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
    }
}
