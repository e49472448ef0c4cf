package org.kintsugi.knowledge.archive.web;

import java.net.URI;
import java.util.List;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.Limits;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Answer an upload the server could not take apart — too many parts, a body cut off at its limit, a malformed
 * multipart body — with a problem that says so, instead of a server error. Such a request fails before any
 * controller is chosen, so this advice is not tied to one.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblems {

    /** Tomcat's bound on the parts of one request ({@code server.tomcat.max-part-count}). */
    static final String PART_COUNT = "server.tomcat.max-part-count";

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return problem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "The upload is larger than the server reads at once",
                    Limits.setting("archive-upload"),
                    "files");
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitExceededException limit) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, limit.getMessage(), limit.setting(), limit.field());
            }
            if (t.getClass().getSimpleName().equals("FileCountLimitExceededException")) {
                return problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "The upload has more parts than the server reads at once; send the files as one .zip",
                        PART_COUNT,
                        "files");
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The upload is not a multipart body Kintsugi can read: " + e.getMessage());
        problem.setTitle("Unreadable upload");
        problem.setProperty("errors", List.of(new FieldProblem("files", "could not be read from the upload")));
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String message, String setting, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setTitle("Limit exceeded");
        problem.setType(URI.create("/problems/limit-exceeded"));
        problem.setProperty("limit", setting);
        problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        return ResponseEntity.status(status).body(problem);
    }
}
