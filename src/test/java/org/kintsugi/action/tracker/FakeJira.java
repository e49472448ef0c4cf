package org.kintsugi.action.tracker;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Jira Cloud's REST API v3: {@code POST /rest/api/3/issue} with {@code {fields: {project: {key}, summary,
 * description, issuetype: {name}}}}, the description an Atlassian Document Format document, answers 201
 * {@code {id, key, self}}; {@code GET /rest/api/3/issue/{key}?fields=status} answers with the status and its category.
 * Basic auth with the account's email and an API token.
 */
final class FakeJira extends FakeTracker {

    private final String email;
    private final String token;
    private final String project;
    private final Map<String, Boolean> done = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> created = new ConcurrentHashMap<>();

    FakeJira(String email, String token, String project) {
        this.email = email;
        this.token = token;
        this.project = project;
    }

    /** Move an issue to Done (or back to To Do), as a transition in Jira would. */
    void done(String key, boolean isDone) {
        done.put(key, isDone);
    }

    JsonNode fields(String key) {
        return created.get(key);
    }

    @Override
    Reply answer(Request request, @Nullable JsonNode body) {
        String basic =
                "Basic " + Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(request.header("Authorization"))) {
            return Reply.of(
                    401, Map.of("errorMessages", List.of("Client must be authenticated to access this resource.")));
        }
        if (request.method().equals("POST") && request.rawPath().equals("/rest/api/3/issue")) {
            return create(body);
        }
        if (request.method().equals("GET") && request.rawPath().startsWith("/rest/api/3/issue/")) {
            String key = request.rawPath().substring("/rest/api/3/issue/".length());
            if (!"fields=status".equals(request.query())) {
                mismatch("GET issue without fields=status reads the whole issue");
            }
            Boolean isDone = done.get(key);
            return isDone == null
                    ? Reply.of(
                            404,
                            Map.of(
                                    "errorMessages",
                                    List.of("Issue does not exist or you do not have permission to see it."),
                                    "errors",
                                    Map.of()))
                    : Reply.of(200, issue(key, isDone));
        }
        mismatch("unexpected " + request.method() + " " + request.rawPath());
        return Reply.of(404, Map.of("errorMessages", List.of("Not found")));
    }

    private Reply create(@Nullable JsonNode body) {
        JsonNode fields = body == null ? null : body.path("fields");
        Map<String, String> errors = new LinkedHashMap<>();
        if (fields == null || !project.equals(string(fields.path("project"), "key"))) {
            errors.put("project", "Specify a valid project ID or key");
        }
        if (fields == null
                || string(fields, "summary") == null
                || string(fields, "summary").isBlank()) {
            errors.put("summary", "You must specify a summary of the issue.");
        }
        if (fields == null || string(fields.path("issuetype"), "name") == null) {
            errors.put("issuetype", "Specify an issue type");
        }
        String adf = fields == null ? "missing" : adfProblem(fields.path("description"));
        if (adf != null) {
            errors.put("description", "Operation value must be an Atlassian Document (" + adf + ")");
        }
        if (!errors.isEmpty()) {
            mismatch("create: " + errors);
            return Reply.of(400, Map.of("errorMessages", List.of(), "errors", errors));
        }
        int id = 10_000 + done.size() + 1;
        String key = project + "-" + (done.size() + 1);
        done.put(key, false);
        created.put(key, fields);
        return Reply.of(201, Map.of("id", String.valueOf(id), "key", key, "self", url() + "/rest/api/3/issue/" + id));
    }

    /** Return what is wrong with an ADF document, or null: a doc of version 1 whose nodes have types and text. */
    private static @Nullable String adfProblem(JsonNode doc) {
        if (!"doc".equals(string(doc, "type")) || doc.path("version").asInt(0) != 1) {
            return "not a doc of version 1";
        }
        if (!doc.path("content").isArray() || doc.path("content").isEmpty()) {
            return "a doc without content";
        }
        return nodeProblem(doc);
    }

    private static @Nullable String nodeProblem(JsonNode node) {
        String type = string(node, "type");
        if (type == null) {
            return "a node without a type";
        }
        if (type.equals("text")) {
            String text = string(node, "text");
            return text == null || text.isEmpty()
                    ? "an empty text node"
                    : text.contains("\n") ? "a newline in text" : null;
        }
        for (JsonNode child : node.path("content")) {
            String problem = nodeProblem(child);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private Map<String, Object> issue(String key, boolean isDone) {
        Map<String, Object> category = isDone
                ? Map.of("id", 3, "key", "done", "colorName", "green", "name", "Done")
                : Map.of("id", 2, "key", "new", "colorName", "blue-gray", "name", "To Do");
        Map<String, Object> status = Map.of(
                "self",
                url() + "/rest/api/3/status/" + (isDone ? 10002 : 10000),
                "name",
                isDone ? "Done" : "To Do",
                "id",
                isDone ? "10002" : "10000",
                "statusCategory",
                category);
        return Map.of(
                "id", "1", "key", key, "self", url() + "/rest/api/3/issue/" + key, "fields", Map.of("status", status));
    }
}
