package org.kintsugi.action.report;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keep who gets the follow-up report by mail each month, and to whom each month's report went. Each statement commits
 * on its own, so a subscription that raced another one fails alone and is taken as done.
 */
@Service
public class FollowUpSubscriptions {

    static final String REPORT = "follow-up";

    private final JdbcClient jdbc;
    private final Clock clock;

    FollowUpSubscriptions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Mail the report to this person each month; subscribing twice changes nothing. */
    public void subscribe(long userId) {
        if (subscribed(userId)) {
            return;
        }
        try {
            jdbc.sql("insert into report_subscriptions (report, user_id, subscribed_at) values (:report, :user, :at)")
                    .param("report", REPORT)
                    .param("user", userId)
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            // Subscribed at the same moment in another request: the outcome is the one asked for.
        }
    }

    /** Stop mailing the report to this person. */
    public void unsubscribe(long userId) {
        jdbc.sql("delete from report_subscriptions where report = :report and user_id = :user")
                .param("report", REPORT)
                .param("user", userId)
                .update();
    }

    /** Return whether this person gets the report by mail. */
    public boolean subscribed(long userId) {
        return jdbc.sql("select count(*) from report_subscriptions where report = :report and user_id = :user")
                        .param("report", REPORT)
                        .param("user", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Return the subscribers who have not yet been sent the report of this month. */
    List<Long> awaiting(YearMonth month) {
        return jdbc.sql("""
                        select s.user_id from report_subscriptions s
                        where s.report = :report and not exists (
                            select 1 from report_mailings m
                            where m.report = s.report and m.report_month = :month and m.user_id = s.user_id)
                        order by s.user_id""")
                .param("report", REPORT)
                .param("month", month.toString())
                .query(Long.class)
                .list();
    }

    /** Record that this month's report went to this person, so it does not go again. */
    void mailed(YearMonth month, long userId) {
        jdbc.sql("""
                        insert into report_mailings (report, report_month, user_id, mailed_at)
                        values (:report, :month, :user, :at)""")
                .param("report", REPORT)
                .param("month", month.toString())
                .param("user", userId)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }
}
