package org.kintsugi.analysis.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.ETags;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The version a change to an answer or a factor is based on: from {@code If-Match}, as elsewhere in the API, or from
 * {@code version} in the body. A stale {@code If-Match} is a failed precondition (412); a stale {@code version} in the
 * body is a conflict (409). Either way the problem names the current version.
 */
final class Versions {

    private Versions() {}

    static long expected(@Nullable String ifMatch, @Nullable Long version) {
        var tagged = ETags.version(ifMatch);
        if (tagged.isPresent()) {
            return tagged.getAsLong();
        }
        if (version == null) {
            throw new InvalidInputException(
                    "version",
                    "is required: the version you read, so nobody's change is overwritten (or send If-Match)");
        }
        return version;
    }

    static ResponseEntity<ProblemDetail> stale(StaleVersionException e, HttpServletRequest request) {
        HttpStatus status =
                request.getHeader("If-Match") != null ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Version conflict");
        problem.setProperty("currentVersion", e.current());
        return ResponseEntity.status(status).eTag(ETags.of(e.current())).body(problem);
    }
}
