package org.kintsugi.action.tracker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * GitLab's REST API v4 for issues: {@code POST /api/v4/projects/:id/issues} with {@code {title, description}} answers
 * 201; {@code GET /api/v4/projects/:id/issues/:issue_iid} answers 200. {@code :id} is the numeric id or the
 * URL-encoded path ({@code group%2Fproject}); the token goes in {@code PRIVATE-TOKEN}.
 */
final class FakeGitLab extends FakeTracker {

    private static final Pattern ISSUES = Pattern.compile("/api/v4/projects/([^/]+)/issues(?:/(\\d+))?");

    private final String token;
    private final String path;
    private final int projectId;
    private final Map<Integer, Map<String, Object>> issues = new ConcurrentHashMap<>();

    FakeGitLab(String token, String path, int projectId) {
        this.token = token;
        this.path = path;
        this.projectId = projectId;
    }

    void close(int iid) {
        issues.get(iid).put("state", "closed");
    }

    void reopen(int iid) {
        issues.get(iid).put("state", "opened");
    }

    Map<String, Object> issue(int iid) {
        return issues.get(iid);
    }

    @Override
    Reply answer(Request request, @Nullable JsonNode body) {
        if (!token.equals(request.header("PRIVATE-TOKEN"))) {
            return Reply.of(401, Map.of("message", "401 Unauthorized"));
        }
        Matcher matched = ISSUES.matcher(request.rawPath());
        if (!matched.matches() || !project(matched.group(1))) {
            return Reply.of(404, Map.of("message", "404 Project Not Found"));
        }
        if (request.method().equals("POST") && matched.group(2) == null) {
            return create(body);
        }
        if (request.method().equals("GET") && matched.group(2) != null) {
            Map<String, Object> issue = issues.get(Integer.parseInt(matched.group(2)));
            return issue == null ? Reply.of(404, Map.of("message", "404 Not found")) : Reply.of(200, issue);
        }
        mismatch("unexpected " + request.method() + " " + request.rawPath());
        return Reply.of(404, Map.of("error", "404 Not Found"));
    }

    private boolean project(String id) {
        return id.equals(String.valueOf(projectId)) || id.equals(URLEncoder.encode(path, StandardCharsets.UTF_8));
    }

    private Reply create(@Nullable JsonNode body) {
        String title = string(body, "title");
        if (title == null || title.isBlank()) {
            mismatch("an issue without a title");
            return Reply.of(400, Map.of("error", "title is missing"));
        }
        if (body != null && body.has("body")) {
            mismatch("GitLab's field is description, not body");
        }
        int iid = issues.size() + 1;
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("id", 80_000 + iid);
        issue.put("iid", iid);
        issue.put("project_id", projectId);
        issue.put("title", title);
        issue.put("description", string(body, "description"));
        issue.put("state", "opened");
        issue.put("created_at", Instant.now().toString());
        issue.put("updated_at", Instant.now().toString());
        issue.put("closed_at", null);
        issue.put("labels", java.util.List.of());
        issue.put("author", Map.of("id", 1, "username", "kintsugi-bot"));
        issue.put("web_url", "https://gitlab.example/" + path + "/-/issues/" + iid);
        issue.put("references", Map.of("short", "#" + iid, "relative", "#" + iid, "full", path + "#" + iid));
        issues.put(iid, issue);
        return Reply.of(201, issue);
    }
}
