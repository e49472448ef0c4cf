package org.kintsugi.action.tracker;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * GitHub's REST API for issues: {@code POST /repos/{owner}/{repo}/issues} with {@code {title, body}} answers 201 with
 * the issue; {@code GET /repos/{owner}/{repo}/issues/{number}} answers 200 with it. A bearer token is required.
 */
final class FakeGitHub extends FakeTracker {

    private static final Pattern ISSUES = Pattern.compile("/repos/([^/]+)/([^/]+)/issues(?:/(\\d+))?");

    private final String token;
    private final String repository;
    private final Map<Integer, Map<String, Object>> issues = new ConcurrentHashMap<>();

    FakeGitHub(String token, String repository) {
        this.token = token;
        this.repository = repository;
    }

    /** Close an issue as a person would on github.com. */
    void close(int number) {
        issue(number).put("state", "closed");
        issue(number).put("state_reason", "completed");
    }

    void reopen(int number) {
        issue(number).put("state", "open");
        issue(number).put("state_reason", "reopened");
    }

    Map<String, Object> issue(int number) {
        return issues.get(number);
    }

    @Override
    Reply answer(Request request, @Nullable JsonNode body) {
        if (!("Bearer " + token).equals(request.header("Authorization"))) {
            return error(401, "Bad credentials", "https://docs.github.com/rest");
        }
        if (!"application/vnd.github+json".equals(request.header("Accept"))) {
            mismatch("Accept is " + request.header("Accept") + ", GitHub documents application/vnd.github+json");
        }
        if (request.header("User-Agent") == null) {
            mismatch("GitHub refuses requests without a User-Agent");
        }
        Matcher path = ISSUES.matcher(request.rawPath());
        if (!path.matches() || !(path.group(1) + "/" + path.group(2)).equalsIgnoreCase(repository)) {
            return error(404, "Not Found", "https://docs.github.com/rest/issues/issues");
        }
        if (request.method().equals("POST") && path.group(3) == null) {
            return create(body);
        }
        if (request.method().equals("GET") && path.group(3) != null) {
            Map<String, Object> issue = issues.get(Integer.parseInt(path.group(3)));
            return issue == null
                    ? error(404, "Not Found", "https://docs.github.com/rest/issues/issues#get-an-issue")
                    : Reply.of(200, issue);
        }
        mismatch("unexpected " + request.method() + " " + request.rawPath());
        return error(404, "Not Found", "https://docs.github.com/rest");
    }

    private Reply create(@Nullable JsonNode body) {
        String title = string(body, "title");
        if (title == null || title.isBlank()) {
            mismatch("an issue without a title");
            return Reply.of(
                    422,
                    Map.of(
                            "message", "Validation Failed",
                            "errors", List.of(Map.of("resource", "Issue", "code", "missing_field", "field", "title")),
                            "documentation_url", "https://docs.github.com/rest/issues/issues#create-an-issue",
                            "status", "422"));
        }
        if (body != null && body.has("body") && !body.path("body").isString()) {
            mismatch("body is not a string");
        }
        int number = issues.size() + 1;
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("id", 1_000_000 + number);
        issue.put("node_id", "I_kwDO" + number);
        issue.put("url", url() + "/repos/" + repository + "/issues/" + number);
        issue.put("repository_url", url() + "/repos/" + repository);
        issue.put("html_url", "https://github.com/" + repository + "/issues/" + number);
        issue.put("number", number);
        issue.put("state", "open");
        issue.put("state_reason", null);
        issue.put("title", title);
        issue.put("body", string(body, "body"));
        issue.put("user", Map.of("login", "kintsugi-bot", "id", 1));
        issue.put("labels", List.of());
        issue.put("assignees", List.of());
        issue.put("locked", false);
        issue.put("comments", 0);
        issue.put("created_at", Instant.now().toString());
        issue.put("updated_at", Instant.now().toString());
        issue.put("closed_at", null);
        issue.put("author_association", "NONE");
        issues.put(number, issue);
        return Reply.of(201, issue);
    }

    private static Reply error(int status, String message, String docs) {
        return Reply.of(
                status, Map.of("message", message, "documentation_url", docs, "status", String.valueOf(status)));
    }
}
