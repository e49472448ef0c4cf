package org.kintsugi.shared;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answer a request that hits a limit with a problem naming the field, the limit's setting and its value. */
@RestControllerAdvice(annotations = RestController.class)
class LimitsAdvice {

    /** How long a person is asked to wait before trying again when too much of theirs is running. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @ExceptionHandler(LimitExceededException.class)
    ResponseEntity<ProblemDetail> limit(LimitExceededException e) {
        HttpStatus status = switch (e.kind()) {
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case FULL -> HttpStatus.BAD_REQUEST;
            case BUSY -> HttpStatus.TOO_MANY_REQUESTS;
        };
        var response = ResponseEntity.status(status);
        if (e.kind() == LimitExceededException.Kind.BUSY) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
        }
        return response.body(problem(status, e));
    }

    static ProblemDetail problem(HttpStatus status, LimitExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Limit exceeded");
        problem.setType(URI.create("/problems/limit-exceeded"));
        problem.setProperty("limit", e.setting());
        problem.setProperty("max", e.max());
        problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        return problem;
    }
}
