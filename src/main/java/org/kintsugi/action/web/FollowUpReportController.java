package org.kintsugi.action.web;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.report.FollowUpReport;
import org.kintsugi.action.report.FollowUpReports;
import org.kintsugi.action.report.FollowUpSubscriptions;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Mailer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The follow-up report's page: a month's figures as a chart and a table, its CSV, and the monthly mail toggle. */
@Controller
class FollowUpReportController {

    private final FollowUpReports reports;
    private final FollowUpSubscriptions subscriptions;
    private final Mailer mailer;

    FollowUpReportController(FollowUpReports reports, FollowUpSubscriptions subscriptions, Mailer mailer) {
        this.reports = reports;
        this.subscriptions = subscriptions;
        this.mailer = mailer;
    }

    @GetMapping("/reports/follow-up")
    String page(
            @RequestParam(required = false) @Nullable String month,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model) {
        YearMonth shown;
        try {
            // The page opens on the month under way, where the work is; the API and the mail keep last month.
            shown = month == null || month.isBlank() ? reports.thisMonth() : reports.month(month);
        } catch (InvalidInputException e) {
            model.addAttribute("problem", e.getMessage() + ". Showing last month instead.");
            shown = reports.lastMonth();
        }
        FollowUpReport report = reports.of(shown);
        YearMonth current = reports.thisMonth();
        YearMonth previous = shown.minusMonths(1);
        YearMonth next = shown.plusMonths(1);
        model.addAttribute("report", report);
        model.addAttribute("chart", FollowUpChart.of(report));
        model.addAttribute("series", FollowUpChart.SERIES);
        model.addAttribute("month", shown.toString());
        model.addAttribute("latest", current.toString());
        model.addAttribute("ongoing", shown.equals(current));
        model.addAttribute("previous", previous.toString());
        model.addAttribute("previousName", FollowUpReport.name(previous));
        model.addAttribute("next", next.isAfter(current) ? null : next.toString());
        model.addAttribute("nextName", FollowUpReport.name(next));
        model.addAttribute("subscribed", subscriptions.subscribed(me.id()));
        model.addAttribute("mailOn", mailer.enabled());
        return "action/report";
    }

    @GetMapping("/reports/follow-up.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) @Nullable String month) {
        return FollowUpDownload.csv(reports.of(reports.month(month)));
    }

    @PostMapping("/reports/follow-up/subscription")
    String subscription(
            @RequestParam(defaultValue = "false") boolean subscribed,
            @RequestParam(required = false) @Nullable String month,
            @AuthenticationPrincipal KintsugiPrincipal me,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model,
            RedirectAttributes redirect) {
        if (subscribed) {
            subscriptions.subscribe(me.id());
        } else {
            subscriptions.unsubscribe(me.id());
        }
        String notice = subscribed
                ? "You will get this report by mail on the first working day of each month."
                : "You will no longer get this report by mail.";
        String shown = shown(month).toString();
        if (htmx != null) {
            model.addAttribute("subscribed", subscribed);
            model.addAttribute("month", shown);
            model.addAttribute("notice", notice);
            model.addAttribute("mailOn", mailer.enabled());
            return "action/fragments/report-subscription :: subscription";
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/reports/follow-up?month=" + shown + "#subscription";
    }

    private YearMonth shown(@Nullable String month) {
        try {
            return reports.month(month);
        } catch (InvalidInputException e) {
            return reports.lastMonth();
        }
    }
}
