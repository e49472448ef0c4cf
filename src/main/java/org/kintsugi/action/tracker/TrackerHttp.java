package org.kintsugi.action.tracker;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Call a tracker's JSON API with short timeouts, turning every failure into a {@link TrackerCallException} that says
 * what happened and whether trying again later may help.
 */
@Component
class TrackerHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final RestClient rest;
    private final JsonMapper json;
    private final Clock clock;

    TrackerHttp(JsonMapper json, Clock clock) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(TIMEOUT);
        this.rest = RestClient.builder().requestFactory(factory).build();
        this.json = json;
        this.clock = clock;
    }

    /** Send a request, with {@code body} as JSON when given, and return the answer's JSON. */
    JsonNode call(TrackerKind kind, HttpMethod method, URI uri, Consumer<HttpHeaders> headers, @Nullable Object body) {
        RestClient.RequestBodySpec request = rest.method(method).uri(uri).headers(h -> {
            h.setAccept(List.of(MediaType.APPLICATION_JSON));
            h.set(HttpHeaders.USER_AGENT, "Kintsugi");
            headers.accept(h);
        });
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        }
        Answer answer;
        try {
            answer = request.exchangeForRequiredValue((req, res) -> new Answer(
                    res.getStatusCode().value(),
                    res.getHeaders(),
                    new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (ResourceAccessException e) {
            throw new TrackerCallException(
                    "Could not reach " + kind.label() + " at " + uri.getHost() + ": " + reason(e), true, null);
        }
        if (answer.status() / 100 != 2) {
            throw failure(kind, answer);
        }
        try {
            return answer.body().isBlank() ? json.createObjectNode() : json.readTree(answer.body());
        } catch (JacksonException e) {
            throw new TrackerCallException(
                    kind.label() + " answered " + answer.status() + " with something that is not JSON", true, null);
        }
    }

    private record Answer(int status, HttpHeaders headers, String body) {}

    private TrackerCallException failure(TrackerKind kind, Answer answer) {
        HttpStatus known = HttpStatus.resolve(answer.status());
        String reason = known == null ? "" : known.getReasonPhrase();
        String said = TrackerMessages.of(answer.body(), json);
        String message = kind.label() + " answered " + answer.status()
                + (reason.isEmpty() ? "" : " " + reason)
                + (said.isEmpty() || said.equalsIgnoreCase(reason) ? "" : ": " + said);
        Duration asked = retryAfter(answer.headers());
        boolean rateLimited = answer.status() == 403
                && (asked != null || "0".equals(answer.headers().getFirst("x-ratelimit-remaining")));
        boolean retryable = answer.status() >= 500 || answer.status() == 429 || answer.status() == 408 || rateLimited;
        return new TrackerCallException(message, retryable, retryable ? asked : null);
    }

    /** Read {@code Retry-After} (seconds or an HTTP date), or GitHub's {@code x-ratelimit-reset} when rate-limited. */
    private @Nullable Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        try {
            if (value != null && value.strip().matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(value.strip()));
            }
            if (value != null) {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return Duration.between(clock.instant(), at);
            }
            String reset = headers.getFirst("x-ratelimit-reset");
            if (reset != null && "0".equals(headers.getFirst("x-ratelimit-remaining"))) {
                return Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static String reason(ResourceAccessException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " seconds";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof IOException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName();
    }
}
