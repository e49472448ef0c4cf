package org.kintsugi.action.report;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.shared.Mailer;
import org.kintsugi.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;

/**
 * Mail last month's follow-up report to its subscribers on the first working day (Monday to Friday) of each month, in
 * the working zone. Each mail sent is recorded, so running again that day, or on another node, sends nothing twice.
 */
@Component
class FollowUpMailing {

    private static final Logger log = LoggerFactory.getLogger(FollowUpMailing.class);

    private final FollowUpReports reports;
    private final FollowUpSubscriptions subscriptions;
    private final UserManagement users;
    private final PostmortemManagement postmortems;
    private final Mailer mailer;
    private final ITemplateEngine templates;
    private final Clock clock;

    FollowUpMailing(
            FollowUpReports reports,
            FollowUpSubscriptions subscriptions,
            UserManagement users,
            PostmortemManagement postmortems,
            Mailer mailer,
            ITemplateEngine templates,
            Clock clock) {
        this.reports = reports;
        this.subscriptions = subscriptions;
        this.users = users;
        this.postmortems = postmortems;
        this.mailer = mailer;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * Run daily; on the month's first working day, mail last month's report. The cron runs in
     * {@code kintsugi.reports.zone} (UTC unless set): set it to the working zone so that 07:00 is a morning there.
     */
    @Scheduled(cron = "${kintsugi.reports.cron:0 0 7 * * *}", zone = "${kintsugi.reports.zone:UTC}")
    @SchedulerLock(name = "follow-up-report")
    public void run() {
        int sent = mailIfFirstWorkingDay();
        if (sent > 0) {
            log.info("Mailed the follow-up report to {} subscriber(s)", sent);
        }
    }

    /** Return how many subscribers were sent last month's report now: none unless today is the first working day. */
    int mailIfFirstWorkingDay() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), postmortems.workingZone());
        YearMonth thisMonth = YearMonth.from(today);
        if (!today.equals(firstWorkingDay(thisMonth))) {
            return 0;
        }
        if (!mailer.enabled()) {
            log.info("Not mailing the follow-up report: mail is off (no spring.mail.host)");
            return 0;
        }
        YearMonth month = thisMonth.minusMonths(1);
        FollowUpMail mail = null;
        int sent = 0;
        for (long userId : subscriptions.awaiting(month)) {
            if (mail == null) {
                mail = FollowUpMail.of(reports.of(month), mailer.baseUrl(), templates);
            }
            if (send(mail, userId)) {
                subscriptions.mailed(month, userId);
                sent++;
            }
        }
        return sent;
    }

    private boolean send(FollowUpMail mail, long userId) {
        try {
            UserView user = users.find(userId);
            return user.active() && mailer.send(user.email(), mail.subject(), mail.text(), mail.html());
        } catch (NotFoundException e) {
            return false;
        } catch (MailException e) {
            // One refused address must not keep the report from everyone else.
            log.warn("Could not mail the follow-up report to user {}: {}", userId, e.getMessage());
            return false;
        }
    }

    /** Return the first Monday-to-Friday day of a month. */
    static LocalDate firstWorkingDay(YearMonth month) {
        LocalDate day = month.atDay(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
