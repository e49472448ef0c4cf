package org.kintsugi.action.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.report.FollowUpReport;
import org.kintsugi.action.report.FollowUpReports;
import org.kintsugi.action.report.FollowUpRow;
import org.kintsugi.action.report.FollowUpSubscriptions;
import org.kintsugi.identity.KintsugiPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The monthly follow-up report as JSON or CSV, and the current person's subscription to it by mail. */
@RestController
@RequestMapping("/api/v1/reports/follow-up")
@Tag(name = "Reports")
class FollowUpReportApi {

    private final FollowUpReports reports;
    private final FollowUpSubscriptions subscriptions;

    FollowUpReportApi(FollowUpReports reports, FollowUpSubscriptions subscriptions) {
        this.reports = reports;
        this.subscriptions = subscriptions;
    }

    /**
     * A month's follow-up report. {@code from} and {@code to} bound the month in {@code zone}; {@code overall} counts
     * every top-level item once.
     */
    record ReportResponse(
            String month, String zone, Instant from, Instant to, List<FollowUpRow> teams, FollowUpRow overall) {

        static ReportResponse of(FollowUpReport report) {
            return new ReportResponse(
                    report.month().toString(),
                    report.zone().getId(),
                    report.from(),
                    report.to(),
                    report.teams(),
                    report.overall());
        }
    }

    /** Whether the current person gets the report by mail. */
    record SubscriptionResponse(boolean subscribed) {}

    @Operation(
            summary = "Read a month's follow-up report, per team and overall",
            description = "month: YYYY-MM, last month when left out. Send Accept: text/csv for CSV.")
    @GetMapping
    ReportResponse report(@RequestParam(required = false) @Nullable String month) {
        return ReportResponse.of(reports.of(reports.month(month)));
    }

    @Operation(summary = "Download a month's follow-up report as CSV")
    @GetMapping(produces = FollowUpDownload.TEXT_CSV)
    ResponseEntity<String> csv(@RequestParam(required = false) @Nullable String month) {
        return FollowUpDownload.csv(reports.of(reports.month(month)));
    }

    @Operation(summary = "Say whether you get the follow-up report by mail each month")
    @GetMapping("/subscription")
    SubscriptionResponse subscription(@AuthenticationPrincipal KintsugiPrincipal me) {
        return new SubscriptionResponse(subscriptions.subscribed(me.id()));
    }

    @Operation(summary = "Get the follow-up report by mail on the first working day of each month")
    @PutMapping("/subscription")
    SubscriptionResponse subscribe(@AuthenticationPrincipal KintsugiPrincipal me) {
        subscriptions.subscribe(me.id());
        return new SubscriptionResponse(true);
    }

    @Operation(summary = "Stop getting the follow-up report by mail")
    @DeleteMapping("/subscription")
    ResponseEntity<Void> unsubscribe(@AuthenticationPrincipal KintsugiPrincipal me) {
        subscriptions.unsubscribe(me.id());
        return ResponseEntity.noContent().build();
    }
}
