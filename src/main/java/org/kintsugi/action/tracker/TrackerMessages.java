package org.kintsugi.action.tracker;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read what a tracker said about an error: GitHub's {@code message} and {@code errors}, GitLab's {@code message} or
 * {@code error}, Jira's {@code errorMessages} and {@code errors}.
 */
final class TrackerMessages {

    private static final int LONGEST = 500;

    private TrackerMessages() {}

    static String of(String body, JsonMapper json) {
        if (body.isBlank()) {
            return "";
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            return clip(body.strip());
        }
        List<String> parts = new ArrayList<>();
        add(parts, node.path("message"));
        add(parts, node.path("error"));
        add(parts, node.path("error_description"));
        for (JsonNode message : node.path("errorMessages")) {
            add(parts, message);
        }
        JsonNode errors = node.path("errors");
        if (errors.isObject()) {
            errors.properties().forEach(e -> parts.add(e.getKey() + ": " + text(e.getValue())));
        } else {
            for (JsonNode error : errors) {
                add(parts, error.isObject() && error.has("message") ? error.path("message") : error);
            }
        }
        return clip(parts.isEmpty() ? body.strip() : String.join("; ", parts));
    }

    /** Return a JSON node's text: a string as it is, a number or structure as JSON, nothing as empty. */
    static String text(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        return node.isString() ? node.stringValue() : node.toString();
    }

    private static void add(List<String> parts, JsonNode node) {
        String text = text(node);
        if (!text.isBlank()) {
            parts.add(text);
        }
    }

    private static String clip(String text) {
        return text.length() <= LONGEST ? text : text.substring(0, LONGEST - 1) + "…";
    }
}
