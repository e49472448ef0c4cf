package org.kintsugi.analysis.web;

import jakarta.servlet.http.HttpServletRequest;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The analysis API's own answers, ahead of the application's: a change to an answer or a factor may name the version
 * it was based on in its body as well as in {@code If-Match}, so a stale one is 409 or 412 as {@link Versions} says.
 */
@RestControllerAdvice(assignableTypes = {WhysApi.class, FactorsApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnalysisApiAdvice {

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> stale(StaleVersionException e, HttpServletRequest request) {
        return Versions.stale(e, request);
    }
}
