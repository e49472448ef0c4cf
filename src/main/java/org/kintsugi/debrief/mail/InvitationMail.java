package org.kintsugi.debrief.mail;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.Mailer;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Write an invitation, update or cancellation as a mail: the time on the recipient's clock, the meeting link, the
 * answer links, and the iCalendar file calendars read it from.
 */
@Component
public class InvitationMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", Locale.ENGLISH);

    private final ITemplateEngine templates;

    InvitationMail(ITemplateEngine templates) {
        this.templates = templates;
    }

    /**
     * Who a mail goes to: their name, the zone they read times in, the address their answer link starts with, and
     * the debrief's page when they can sign in to see it.
     */
    public record Recipient(
            String name,
            String email,
            ZoneId zone,
            String answerLink,
            @Nullable String page) {}

    /** A mail ready to send. */
    public record Message(String subject, String text, String html, Mailer.Attachment calendar) {}

    /** Compose the mail; {@code first} when the recipient has had nothing about this debrief before. */
    public Message compose(CalendarInvite invite, Recipient to, boolean first) {
        String when = WHEN.format(invite.startsAt().atZone(to.zone())) + " ("
                + to.zone().getId() + ")";
        String subject = (invite.cancelled() ? "Cancelled: " : first ? "Invitation: " : "Updated: ") + invite.title()
                + " — " + when;
        String method = invite.cancelled() ? "CANCEL" : "REQUEST";
        byte[] ics = CalendarFiles.ics(invite).getBytes(StandardCharsets.UTF_8);
        Mailer.Attachment calendar = new Mailer.Attachment(
                invite.cancelled() ? "cancel.ics" : "invite.ics",
                "text/calendar; method=" + method + "; charset=UTF-8",
                ics);
        Map<String, Object> model = Map.of(
                "invite", invite,
                "to", to,
                "when", when,
                "first", first,
                "answers", List.of("yes", "maybe", "no"));
        String html = templates.process("debrief/mail/invitation", new Context(Locale.ENGLISH, model));
        return new Message(subject, text(invite, to, when, first), html, calendar);
    }

    private static String text(CalendarInvite invite, Recipient to, String when, boolean first) {
        StringBuilder text = new StringBuilder("Hello " + to.name() + ",\n\n");
        if (invite.cancelled()) {
            text.append(invite.organizer().name())
                    .append(" has called off \"")
                    .append(invite.title())
                    .append("\", which was to meet ")
                    .append(when)
                    .append(". Nothing more is needed from you.\n");
        } else {
            text.append(invite.organizer().name())
                    .append(first ? " invites you to \"" : " changed \"")
                    .append(invite.title())
                    .append(first ? "\".\n\n" : "\". It now meets as below.\n\n")
                    .append("When: ")
                    .append(when)
                    .append(", ")
                    .append(invite.durationMinutes())
                    .append(" minutes\nWhere: ")
                    .append(invite.meetingLink())
                    .append('\n');
            if (!invite.description().isBlank()) {
                text.append('\n').append(invite.description()).append('\n');
            }
            text.append("\nWill you come? Answer with one of these links:\n")
                    .append("  Yes:   ")
                    .append(to.answerLink())
                    .append("?a=yes\n  Maybe: ")
                    .append(to.answerLink())
                    .append("?a=maybe\n  No:    ")
                    .append(to.answerLink())
                    .append("?a=no\n");
        }
        if (to.page() != null) {
            text.append("\nThe debrief in Kintsugi: ").append(to.page()).append('\n');
        }
        return text.append("\nThe attached calendar file adds it to (or removes it from) your calendar.\n")
                .toString();
    }
}
