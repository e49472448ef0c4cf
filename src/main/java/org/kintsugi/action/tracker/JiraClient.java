package org.kintsugi.action.tracker;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Jira Cloud through the REST API v3: {@code POST /rest/api/3/issue} with the description in Atlassian Document
 * Format, and {@code GET /rest/api/3/issue/{key}?fields=status}, signed in with the account's email and an API token
 * as HTTP Basic. A ticket counts as closed when its status is in the {@code done} category.
 */
@Component
class JiraClient implements TrackerClient {

    private final TrackerHttp http;

    JiraClient(TrackerHttp http) {
        this.http = http;
    }

    @Override
    public TrackerKind kind() {
        return TrackerKind.JIRA;
    }

    @Override
    public Ticket create(Connection connection, TicketContent content) {
        Map<String, Object> fields = Map.of(
                "project", Map.of("key", connection.target()),
                "summary", content.title(),
                "description", content.adf(),
                "issuetype", Map.of("name", connection.issueType()));
        JsonNode issue = http.call(
                kind(),
                HttpMethod.POST,
                URI.create(connection.baseUrl() + "/rest/api/3/issue"),
                headers(connection),
                Map.of("fields", fields));
        String key = TrackerMessages.text(issue.path("key"));
        if (key.isEmpty()) {
            throw new TrackerCallException("Jira created an issue but did not say its key", true, null);
        }
        return new Ticket(
                connection.target(),
                key,
                key,
                connection.baseUrl() + "/browse/" + key,
                new TicketState("created", false));
    }

    @Override
    public TicketState fetch(Connection connection, TicketRef ticket) {
        JsonNode issue = http.call(
                kind(),
                HttpMethod.GET,
                URI.create(connection.baseUrl() + "/rest/api/3/issue/"
                        + URLEncoder.encode(ticket.id(), StandardCharsets.UTF_8) + "?fields=status"),
                headers(connection),
                null);
        return state(issue.path("fields").path("status"));
    }

    /** Read a status object: its name, and whether its category is {@code done}. */
    static TicketState state(JsonNode status) {
        String name = TrackerMessages.text(status.path("name"));
        boolean done =
                TrackerMessages.text(status.path("statusCategory").path("key")).equals("done");
        return new TicketState(name.isEmpty() ? (done ? "done" : "open") : name, done);
    }

    private static Consumer<HttpHeaders> headers(Connection connection) {
        return h -> h.setBasicAuth(connection.account(), connection.token(), StandardCharsets.UTF_8);
    }
}
