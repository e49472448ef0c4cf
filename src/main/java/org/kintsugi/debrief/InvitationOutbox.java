package org.kintsugi.debrief;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.mail.CalendarInvite;
import org.kintsugi.debrief.mail.InvitationMail;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.shared.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Mail invitees what they are owed, after the change that owes it is committed. The event's publication is kept in
 * the event publication registry until every mail went out: a mail the SMTP server refuses leaves it incomplete (and
 * the invitee's {@code mail_error} says why, on the debrief's page), and it is delivered again every few minutes
 * ({@code kintsugi.debriefs.mail-retry-cron}) and at start. What was sent is marked per invitee before the next is
 * tried, so a repeated delivery sends nothing twice.
 */
@Component
class InvitationOutbox {

    private static final Logger log = LoggerFactory.getLogger(InvitationOutbox.class);

    private final Debriefs debriefs;
    private final Invitees invitees;
    private final UserManagement users;
    private final PostmortemManagement postmortems;
    private final InvitationMail mail;
    private final Mailer mailer;
    private final JdbcClient jdbc;
    private final IncompleteEventPublications publications;
    private final Clock clock;
    private final Duration retryAfter;
    private final Map<Long, Object> turns = new ConcurrentHashMap<>();

    InvitationOutbox(
            Debriefs debriefs,
            Invitees invitees,
            UserManagement users,
            PostmortemManagement postmortems,
            InvitationMail mail,
            Mailer mailer,
            JdbcClient jdbc,
            IncompleteEventPublications publications,
            Clock clock,
            @Value("${kintsugi.debriefs.mail-retry-after:PT1M}") Duration retryAfter) {
        this.debriefs = debriefs;
        this.invitees = invitees;
        this.users = users;
        this.postmortems = postmortems;
        this.mail = mail;
        this.mailer = mailer;
        this.jdbc = jdbc;
        this.publications = publications;
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    @Async
    @TransactionalEventListener
    void on(DebriefInvitationsChanged event) {
        int failed = deliver(event.debriefId());
        if (failed > 0) {
            // Left incomplete in the registry on purpose: the retry below delivers it again.
            throw new IllegalStateException(
                    failed + " mail(s) of debrief " + event.debriefId() + " could not be sent; they are tried again.");
        }
    }

    /** Deliver again what the SMTP server refused earlier. */
    @Scheduled(cron = "${kintsugi.debriefs.mail-retry-cron:0 */5 * * * *}")
    @SchedulerLock(name = "debrief-mail-retry", lockAtMostFor = "PT4M")
    void retry() {
        var before = clock.instant().minus(retryAfter);
        publications.resubmitIncompletePublications(p -> p.getEvent() instanceof DebriefInvitationsChanged
                && !p.getPublicationDate().isAfter(before));
    }

    /**
     * Send every mail the debrief's invitees are owed: the invitation or update of its sequence, or a cancellation
     * when it was cancelled or they were taken off. Return how many the SMTP server refused.
     */
    int deliver(long debriefId) {
        synchronized (turns.computeIfAbsent(debriefId, id -> new Object())) {
            Debrief debrief = debriefs.findById(debriefId).orElse(null);
            if (debrief == null || !mailer.enabled()) {
                return 0;
            }
            List<Invitee> all = invitees.findByDebriefIdOrderByIdAsc(debriefId);
            Map<Long, UserView> people = new HashMap<>();
            users.all().forEach(u -> people.put(u.id(), u));
            UserView owner = users.find(debrief.ownerId());
            int failed = 0;
            for (Invitee invitee : all) {
                if (invitee.mailedSequence() >= debrief.sequence()) {
                    continue;
                }
                boolean cancelled = debrief.state() == DebriefState.CANCELLED || invitee.removed();
                if (cancelled && invitee.mailedSequence() == Invitee.NOT_MAILED) {
                    mark(invitee, debrief.sequence());
                    continue;
                }
                if (!send(debrief, invitee, all, owner, people, cancelled)) {
                    failed++;
                }
            }
            return failed;
        }
    }

    private boolean send(
            Debrief debrief,
            Invitee invitee,
            List<Invitee> all,
            UserView owner,
            Map<Long, UserView> people,
            boolean cancelled) {
        List<Invitee> attending = invitee.removed()
                ? List.of(invitee)
                : all.stream().filter(i -> !i.removed()).toList();
        CalendarInvite invite = new CalendarInvite(
                debrief.uid(),
                debrief.sequence(),
                cancelled,
                debrief.title(),
                description(debrief, people),
                debrief.startsAt(),
                debrief.durationMinutes(),
                debrief.meetingLink(),
                new CalendarInvite.Person(owner.displayName(), owner.email()),
                attending.stream()
                        .map(i -> new CalendarInvite.Attendee(i.name(), i.email(), i.role(), i.answer()))
                        .toList(),
                clock.instant());
        UserView person = invitee.personId() == null ? null : people.get(invitee.personId());
        ZoneId zone = person == null ? debrief.zone() : person.zone();
        InvitationMail.Recipient to = new InvitationMail.Recipient(
                invitee.name(),
                invitee.email(),
                zone,
                mailer.baseUrl() + "/debriefs/answer/" + invitee.answerToken(),
                person == null ? null : mailer.baseUrl() + "/debriefs/" + debrief.id());
        InvitationMail.Message message = mail.compose(invite, to, invitee.mailedSequence() == Invitee.NOT_MAILED);
        try {
            if (mailer.send(
                    invitee.email(), message.subject(), message.text(), message.html(), List.of(message.calendar()))) {
                mark(invitee, debrief.sequence());
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not mail debrief {} to {}: {}", debrief.id(), invitee.email(), e.getMessage());
            failed(invitee, e);
            return false;
        }
    }

    private String description(Debrief debrief, Map<Long, UserView> people) {
        UserView facilitator = people.get(debrief.facilitatorId());
        String facilitated = facilitator == null ? "" : " Facilitator: " + facilitator.displayName() + ".";
        Long postmortemId = debrief.postmortemId();
        if (postmortemId == null) {
            return "A routine retrospective: how did it go, what to start, stop and keep doing." + facilitated;
        }
        String key = postmortems.incidentKeys(List.of(postmortemId)).getOrDefault(postmortemId, "");
        return "A blameless debrief of incident " + key + ": the timeline, the accounts, what made sense at the time."
                + facilitated;
    }

    private void mark(Invitee invitee, int sequence) {
        jdbc.sql("update debrief_invitees set mailed_sequence = :s, mail_attempts = mail_attempts + 1,"
                        + " mail_error = null where id = :id and mailed_sequence < :s")
                .param("s", sequence)
                .param("id", invitee.id())
                .update();
    }

    private void failed(Invitee invitee, RuntimeException e) {
        jdbc.sql("update debrief_invitees set mail_attempts = mail_attempts + 1, mail_error = :e where id = :id")
                .param("e", truncate(String.valueOf(e.getMessage())))
                .param("id", invitee.id())
                .update();
    }

    private static String truncate(@Nullable String message) {
        String text = message == null ? "unknown error" : message;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
