package org.kintsugi.action.tracker;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * GitHub Issues through the REST API: {@code POST /repos/{owner}/{repo}/issues} and
 * {@code GET /repos/{owner}/{repo}/issues/{number}}, signed in with a bearer token.
 */
@Component
class GitHubClient implements TrackerClient {

    private final TrackerHttp http;

    GitHubClient(TrackerHttp http) {
        this.http = http;
    }

    @Override
    public TrackerKind kind() {
        return TrackerKind.GITHUB;
    }

    @Override
    public Ticket create(Connection connection, TicketContent content) {
        JsonNode issue = http.call(
                kind(),
                HttpMethod.POST,
                URI.create(connection.baseUrl() + "/repos/" + connection.target() + "/issues"),
                headers(connection),
                Map.of("title", content.title(), "body", content.markdown()));
        String number = TrackerMessages.text(issue.path("number"));
        if (number.isEmpty()) {
            throw new TrackerCallException("GitHub created an issue but did not say its number", true, null);
        }
        return new Ticket(
                connection.target().toLowerCase(Locale.ROOT),
                number,
                connection.target() + "#" + number,
                TrackerMessages.text(issue.path("html_url")),
                state(issue));
    }

    @Override
    public TicketState fetch(Connection connection, TicketRef ticket) {
        JsonNode issue = http.call(
                kind(),
                HttpMethod.GET,
                URI.create(connection.baseUrl() + "/repos/" + ticket.project() + "/issues/" + ticket.id()),
                headers(connection),
                null);
        return state(issue);
    }

    private static TicketState state(JsonNode issue) {
        String state = TrackerMessages.text(issue.path("state"));
        return new TicketState(state.isEmpty() ? "open" : state, state.equals("closed"));
    }

    private static Consumer<HttpHeaders> headers(Connection connection) {
        return h -> {
            h.setBearerAuth(connection.token());
            h.set(HttpHeaders.ACCEPT, "application/vnd.github+json");
            h.set("X-GitHub-Api-Version", "2022-11-28");
        };
    }
}
