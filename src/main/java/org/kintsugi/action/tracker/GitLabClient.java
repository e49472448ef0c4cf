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
 * GitLab issues through the REST API v4: {@code POST /api/v4/projects/{id}/issues} and
 * {@code GET /api/v4/projects/{id}/issues/{iid}}, signed in with a {@code PRIVATE-TOKEN}. A project path is
 * URL-encoded ({@code group%2Fproject}) as the API requires.
 */
@Component
class GitLabClient implements TrackerClient {

    private final TrackerHttp http;

    GitLabClient(TrackerHttp http) {
        this.http = http;
    }

    @Override
    public TrackerKind kind() {
        return TrackerKind.GITLAB;
    }

    @Override
    public Ticket create(Connection connection, TicketContent content) {
        JsonNode issue = http.call(
                kind(),
                HttpMethod.POST,
                URI.create(connection.baseUrl() + "/api/v4/projects/" + encoded(connection.target()) + "/issues"),
                headers(connection),
                Map.of("title", content.title(), "description", content.markdown()));
        String iid = TrackerMessages.text(issue.path("iid"));
        String project = TrackerMessages.text(issue.path("project_id"));
        if (iid.isEmpty() || project.isEmpty()) {
            throw new TrackerCallException("GitLab created an issue but did not say its iid and project", true, null);
        }
        String full = TrackerMessages.text(issue.path("references").path("full"));
        return new Ticket(
                project,
                iid,
                full.isEmpty() ? connection.target() + "#" + iid : full,
                TrackerMessages.text(issue.path("web_url")),
                state(issue));
    }

    @Override
    public TicketState fetch(Connection connection, TicketRef ticket) {
        JsonNode issue = http.call(
                kind(),
                HttpMethod.GET,
                URI.create(connection.baseUrl() + "/api/v4/projects/" + encoded(ticket.project()) + "/issues/"
                        + ticket.id()),
                headers(connection),
                null);
        return state(issue);
    }

    private static TicketState state(JsonNode issue) {
        String state = TrackerMessages.text(issue.path("state"));
        return new TicketState(state.isEmpty() ? "opened" : state, state.equals("closed"));
    }

    private static String encoded(String project) {
        return URLEncoder.encode(project, StandardCharsets.UTF_8);
    }

    private static Consumer<HttpHeaders> headers(Connection connection) {
        return h -> h.set("PRIVATE-TOKEN", connection.token());
    }
}
