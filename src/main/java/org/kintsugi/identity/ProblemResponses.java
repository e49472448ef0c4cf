package org.kintsugi.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.kintsugi.identity.signin.SignInLockedException;
import org.kintsugi.shared.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answer unauthenticated (401), locked-out (429) and forbidden (403) API calls as {@code application/problem+json}.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final Clock clock;

    ProblemResponses(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInLockedException locked) {
            tooManyFailures(request, response, locked);
            return;
        }
        response.addHeader("WWW-Authenticate", "Bearer realm=\"Kintsugi\"");
        response.addHeader("WWW-Authenticate", "Basic realm=\"Kintsugi\"");
        write(
                response,
                HttpStatus.UNAUTHORIZED,
                "Unauthenticated",
                "Send a personal API token as 'Authorization: Bearer <token>' or use HTTP Basic.",
                request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request.", request);
    }

    private void tooManyFailures(HttpServletRequest request, HttpServletResponse response, SignInLockedException e)
            throws IOException {
        long seconds = Math.max(1, Duration.between(clock.instant(), e.until()).toSeconds());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemDetail problem =
                problem(request, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins", e.getMessage());
        problem.setProperty("limit", e.limit());
        problem.setProperty("window", e.window().toString());
        problem.setProperty("retryAfter", e.until().toString());
        problem.setProperty(
                "errors", List.of(new FieldProblem("username", "is locked for now after too many failed sign-ins")));
        send(response, HttpStatus.TOO_MANY_REQUESTS, problem);
    }

    void write(HttpServletResponse response, HttpStatus status, String title, String detail, HttpServletRequest request)
            throws IOException {
        send(response, status, problem(request, status, title, detail));
    }

    private static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private void send(HttpServletResponse response, HttpStatus status, ProblemDetail problem) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), problem);
    }
}
