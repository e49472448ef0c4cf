package org.kintsugi.action.web;

import java.nio.charset.StandardCharsets;
import org.kintsugi.action.report.FollowUpCsv;
import org.kintsugi.action.report.FollowUpReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The follow-up report as a CSV download, the same from the API and from the page. */
final class FollowUpDownload {

    static final String TEXT_CSV = "text/csv";

    private FollowUpDownload() {}

    static ResponseEntity<String> csv(FollowUpReport report) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(FollowUpCsv.filename(report.month()))
                                .build()
                                .toString())
                .body(FollowUpCsv.of(report));
    }
}
