package org.kintsugi.sharing;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Post a payload to an incoming webhook with short timeouts; anything but a 2xx answer is a failure that says what
 * the channel answered.
 */
@Component
class WebhookSender {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final RestClient rest;

    WebhookSender() {
        // No redirects: a webhook that moved is a configuration to fix, and following one could post elsewhere.
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(READ_TIMEOUT);
        this.rest = RestClient.builder().requestFactory(factory).build();
    }

    /** Post the JSON body; throw {@link WebhookException} saying why when the channel did not take it. */
    void post(String url, String json) {
        URI uri = URI.create(url);
        Answer answer;
        try {
            answer = rest.post()
                    .uri(uri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.USER_AGENT, "Kintsugi")
                    .body(json)
                    .exchangeForRequiredValue((req, res) -> new Answer(
                            res.getStatusCode().value(),
                            new String(res.getBody().readNBytes(300), StandardCharsets.UTF_8)));
        } catch (ResourceAccessException e) {
            throw new WebhookException("Could not reach " + uri.getHost() + ": " + reason(e));
        }
        if (answer.status() / 100 != 2) {
            String body = answer.body().strip();
            throw new WebhookException(
                    uri.getHost() + " answered HTTP " + answer.status() + (body.isEmpty() ? "" : ": " + body));
        }
    }

    /** Say in words why the channel could not be reached: the JDK's exceptions often carry no message. */
    private static String reason(ResourceAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException) {
                return "no answer within " + READ_TIMEOUT.toSeconds() + " seconds";
            }
            if (cause instanceof ConnectException) {
                return "nothing answers there (connection refused)";
            }
            if (cause instanceof UnknownHostException) {
                return "no such host";
            }
        }
        Throwable root = e.getMostSpecificCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private record Answer(int status, String body) {}

    /** A channel did not take a message; the message says why, for the administrators' page. */
    static class WebhookException extends RuntimeException {
        WebhookException(String message) {
            super(message);
        }
    }
}
