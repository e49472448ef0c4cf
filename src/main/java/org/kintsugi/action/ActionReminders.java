package org.kintsugi.action;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.digest.Digest;
import org.kintsugi.action.digest.DigestMail;
import org.kintsugi.action.settings.ActionPolicy;
import org.kintsugi.action.settings.ActionSettingsView;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.shared.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail each person one digest a day about their action items: new assignments, items due in a few days or today,
 * items overdue (weekly), and, to a postmortem's owner, items overdue past the escalation limit.
 */
@Component
public class ActionReminders {

    private static final Logger log = LoggerFactory.getLogger(ActionReminders.class);
    private static final Set<ActionStatus> OPEN =
            Set.of(ActionStatus.PROPOSED, ActionStatus.COMMITTED, ActionStatus.IN_PROGRESS);

    private final ActionItems items;
    private final ActionNotices notices;
    private final ActionPolicy policy;
    private final PostmortemManagement postmortems;
    private final UserManagement users;
    private final DigestMail mail;
    private final Mailer mailer;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int sendHour;

    ActionReminders(
            ActionItems items,
            ActionNotices notices,
            ActionPolicy policy,
            PostmortemManagement postmortems,
            UserManagement users,
            DigestMail mail,
            Mailer mailer,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${kintsugi.reminders.hour:8}") int sendHour) {
        this.items = items;
        this.notices = notices;
        this.policy = policy;
        this.postmortems = postmortems;
        this.users = users;
        this.mail = mail;
        this.mailer = mailer;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.sendHour = sendHour;
    }

    /** Run every quarter hour; each person gets their digest in the first run after the send hour in their zone. */
    @Scheduled(cron = "${kintsugi.reminders.cron:0 */15 * * * *}")
    @SchedulerLock(name = "action-reminders", lockAtMostFor = "PT14M")
    public void sendScheduled() {
        send();
    }

    /**
     * Send the digests that are due now and not yet sent today.
     *
     * @return the digests sent
     */
    public List<Digest> send() {
        if (!mailer.enabled()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Digest> sent = new ArrayList<>();
        for (Digest digest : due(now)) {
            try {
                Boolean done = transactions.execute(status -> deliver(digest, now));
                if (Boolean.TRUE.equals(done)) {
                    sent.add(digest);
                }
            } catch (MailException e) {
                // Nothing was recorded for this person, so the next run tries again.
                log.warn("Could not mail the action digest to {}: {}", digest.email(), e.getMessage());
            }
        }
        return sent;
    }

    private boolean deliver(Digest digest, Instant now) {
        boolean already = jdbc.sql("select count(*) from action_digests where person_id = :p and digest_day = :d")
                        .param("p", digest.personId())
                        .param("d", digest.day())
                        .query(Integer.class)
                        .single()
                > 0;
        if (already) {
            return false;
        }
        jdbc.sql("insert into action_digests (person_id, digest_day, sent_at, items) values (:p, :d, :at, :n)")
                .param("p", digest.personId())
                .param("d", digest.day())
                .param("at", java.sql.Timestamp.from(now))
                .param("n", digest.size())
                .update();
        notices.findByPersonIdAndSentAtIsNull(digest.personId()).forEach(n -> n.sent(now));
        mailer.send(digest.email(), digest.subject(), mail.text(digest), mail.html(digest));
        return true;
    }

    /** Work out every digest due at this moment: one per person whose day has reached the send hour. */
    List<Digest> due(Instant now) {
        ActionSettingsView settings = policy.current();
        List<ActionItem> open = items.findByStatusIn(OPEN);
        Map<Long, List<ActionNotice>> pending = new HashMap<>();
        for (ActionNotice notice : notices.findBySentAtIsNullOrderByIdAsc()) {
            pending.computeIfAbsent(notice.personId(), p -> new ArrayList<>()).add(notice);
        }
        List<Long> postmortemIds =
                open.stream().map(ActionItem::postmortemId).distinct().toList();
        Map<Long, Long> postmortemOwners = postmortems.ownerIds(postmortemIds);
        Map<Long, String> keys = postmortems.incidentKeys(postmortemIds);
        Map<Long, UserView> people = new HashMap<>();
        users.all().forEach(u -> people.put(u.id(), u));
        Map<Long, DigestBuilder> builders = new LinkedHashMap<>();
        for (ActionItem item : open) {
            DigestBuilder owner = builder(builders, people, item.ownerId(), now);
            if (owner == null) {
                continue;
            }
            long overdue = ChronoUnit.DAYS.between(item.dueDate(), owner.day);
            Digest.Line line = line(item, keys, overdue);
            if (pending.getOrDefault(item.ownerId(), List.of()).stream().anyMatch(n -> n.actionId() == item.id())) {
                owner.assigned.add(line);
            }
            if (settings.remindDaysBefore() > 0 && overdue == -settings.remindDaysBefore()) {
                owner.dueSoon.add(line);
            } else if (overdue == 0) {
                owner.dueToday.add(line);
            } else if (overdue > 0 && overdue % 7 == 0) {
                owner.overdue.add(line);
            }
            long beyond = overdue - settings.escalateAfterDays();
            if (beyond >= 0 && beyond % 7 == 0) {
                Long pmOwner = postmortemOwners.get(item.postmortemId());
                DigestBuilder escalation =
                        pmOwner == null || pmOwner == item.ownerId() ? null : builder(builders, people, pmOwner, now);
                if (escalation != null) {
                    escalation.escalated.add(line(item, keys, ChronoUnit.DAYS.between(item.dueDate(), escalation.day)));
                }
            }
        }
        return builders.values().stream()
                .filter(java.util.Objects::nonNull)
                .map(DigestBuilder::build)
                .filter(d -> d.size() > 0)
                .toList();
    }

    private Digest.Line line(ActionItem item, Map<Long, String> keys, long overdue) {
        String key = keys.getOrDefault(item.postmortemId(), "");
        return new Digest.Line(
                item.id(),
                (key.isEmpty() ? "" : key + ": ") + item.title(),
                item.ownerName(),
                item.dueDate(),
                Math.max(0, overdue),
                mailer.baseUrl() + "/actions/" + item.id());
    }

    /** Return the digest being built for a person, or null when they are not to be written to now. */
    private @Nullable DigestBuilder builder(
            Map<Long, DigestBuilder> builders, Map<Long, UserView> people, long personId, Instant now) {
        if (builders.containsKey(personId)) {
            return builders.get(personId);
        }
        DigestBuilder builder = null;
        UserView person = people.get(personId);
        if (person != null && person.active()) {
            ZonedDateTime local = now.atZone(person.zone());
            builder = local.getHour() >= sendHour ? new DigestBuilder(person, local.toLocalDate()) : null;
        }
        builders.put(personId, builder);
        return builder;
    }

    private static final class DigestBuilder {
        final UserView person;
        final LocalDate day;
        final List<Digest.Line> assigned = new ArrayList<>();
        final List<Digest.Line> dueSoon = new ArrayList<>();
        final List<Digest.Line> dueToday = new ArrayList<>();
        final List<Digest.Line> overdue = new ArrayList<>();
        final List<Digest.Line> escalated = new ArrayList<>();

        DigestBuilder(UserView person, LocalDate day) {
            this.person = person;
            this.day = day;
        }

        Digest build() {
            return new Digest(
                    person.id(),
                    person.displayName(),
                    person.email(),
                    day,
                    assigned,
                    dueSoon,
                    dueToday,
                    overdue,
                    escalated);
        }
    }
}
