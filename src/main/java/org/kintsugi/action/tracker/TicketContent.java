package org.kintsugi.action.tracker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionView;

/**
 * What a ticket says about its action item: the title, the description, who owns it, when it is due, how urgent it
 * is, how we will know it worked, and the way back to Kintsugi.
 */
record TicketContent(String title, String description, List<Fact> facts, String link) {

    /** One labelled line, e.g. "Owner: Ada". */
    record Fact(String label, String value) {}

    static TicketContent of(ActionView item, String baseUrl) {
        return new TicketContent(
                item.title(),
                item.description(),
                List.of(
                        new Fact("Owner", item.owner().name()),
                        new Fact("Due", item.dueDate().toString()),
                        new Fact("Priority", item.priority().name()),
                        new Fact("How we will know it worked", item.verification())),
                baseUrl.replaceAll("/+$", "") + "/actions/" + item.id());
    }

    /** Return the body as Markdown, for GitHub and GitLab. */
    String markdown() {
        StringBuilder body = new StringBuilder();
        if (!description.isBlank()) {
            body.append(description.strip()).append("\n\n");
        }
        facts.forEach(f -> body.append("- **")
                .append(f.label())
                .append(":** ")
                .append(oneLine(f.value()))
                .append('\n'));
        body.append("\nAction item in Kintsugi: ").append(link).append('\n');
        return body.toString();
    }

    /** Return the body as an Atlassian Document Format document, which Jira's REST API v3 requires. */
    Map<String, Object> adf() {
        List<Object> content = new ArrayList<>();
        for (String paragraph : description.strip().split("\\R\\s*\\R")) {
            if (!paragraph.isBlank()) {
                content.add(node("paragraph", lines(paragraph.strip())));
            }
        }
        List<Object> items = new ArrayList<>();
        for (Fact fact : facts) {
            List<Object> parts = new ArrayList<>();
            parts.add(text(fact.label() + ": ", Map.of("type", "strong")));
            if (!fact.value().isBlank()) {
                parts.add(text(oneLine(fact.value()), null));
            }
            items.add(node("listItem", List.of(node("paragraph", parts))));
        }
        content.add(node("bulletList", items));
        content.add(node("paragraph", List.of(text("Action item in Kintsugi: ", null), text(link, link(link)))));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "doc");
        doc.put("version", 1);
        doc.put("content", content);
        return doc;
    }

    /** Return the lines of a paragraph as text nodes with hard breaks between them (ADF text holds no newline). */
    private static List<Object> lines(String paragraph) {
        List<Object> parts = new ArrayList<>();
        for (String line : paragraph.split("\\R")) {
            if (!parts.isEmpty()) {
                parts.add(Map.of("type", "hardBreak"));
            }
            if (!line.isEmpty()) {
                parts.add(text(line, null));
            }
        }
        return parts;
    }

    private static Map<String, Object> link(String href) {
        Map<String, Object> mark = new LinkedHashMap<>();
        mark.put("type", "link");
        mark.put("attrs", Map.of("href", href));
        return mark;
    }

    private static Map<String, Object> node(String type, List<Object> content) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("type", type);
        node.put("content", content);
        return node;
    }

    private static Map<String, Object> text(String text, @Nullable Map<String, Object> mark) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("type", "text");
        node.put("text", text);
        if (mark != null) {
            node.put("marks", List.of(mark));
        }
        return node;
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
