package org.kintsugi.action.report;

import java.util.stream.Collectors;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The follow-up report as a mail: a subject, a plain-text body and its HTML alternative. */
record FollowUpMail(String subject, String text, String html) {

    /** Write the month's mail, linking to the report's page under {@code baseUrl}. */
    static FollowUpMail of(FollowUpReport report, String baseUrl, ITemplateEngine templates) {
        String url = baseUrl + "/reports/follow-up?month=" + report.month();
        String subject = "Kintsugi follow-up report — " + report.monthName();
        Context context = new Context();
        context.setVariable("report", report);
        context.setVariable("subject", subject);
        context.setVariable("url", url);
        return new FollowUpMail(subject, text(report, subject, url), templates.process("action/mail/report", context));
    }

    private static String text(FollowUpReport report, String subject, String url) {
        String teams = report.teams().stream().map(row -> "- " + sentence(row)).collect(Collectors.joining("\n"));
        return subject + "\n\n"
                + sentence(report.overall()) + "\n\n"
                + (teams.isEmpty()
                        ? "No team had action items open or moving in " + report.monthName() + "."
                        : "By team:\n" + teams)
                + "\n\n"
                + "The chart, the definitions and a CSV download: " + url + "\n\n"
                + "Months are counted in " + report.zone() + ". You get this mail because you asked for it on the"
                + " report's page, where you can also stop it.\n";
    }

    /** Return a row as a sentence, e.g. {@code Payments: 4 opened, 3 committed, …; median 9.3 days to done.} */
    static String sentence(FollowUpRow row) {
        return row.team() + ": " + row.opened() + " opened, " + row.committed() + " committed, " + row.done()
                + " done, " + row.verifiedEffective() + " verified effective, " + row.notEffective()
                + " not effective, " + row.dropped() + " dropped, " + row.overdueAtMonthEnd()
                + " overdue at month end; "
                + (row.medianDaysToDone() == null ? "none done" : "median " + row.median() + " days to done") + ".";
    }
}
