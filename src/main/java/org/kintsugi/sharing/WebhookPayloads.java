package org.kintsugi.sharing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Write an announcement as the JSON body each chat's incoming webhook documents.
 *
 * <ul>
 *   <li>Slack: {@code {"text", "blocks"}} — {@code text} is the notification's fallback, the blocks a header, a
 *       {@code mrkdwn} section (Slack's own markup, not Markdown: {@code *bold*}, {@code <url|label>}) and a context
 *       line. Sections take at most 3,000 characters, headers 150.
 *   <li>Mattermost: {@code {"text", "username"}} — Mattermost renders Markdown in {@code text} as written.
 *   <li>Microsoft Teams: the Workflows ("Post to a channel when a webhook request is received") webhook, which takes a
 *       message with one Adaptive Card attachment ({@code {"type": "message", "attachments": [{"contentType":
 *       "application/vnd.microsoft.card.adaptive", "content": {AdaptiveCard 1.4}}]}}). Chosen over the legacy
 *       Office 365 connector's MessageCard because Microsoft retires those connectors and Workflows is the documented
 *       replacement; Adaptive Card 1.4 is what Teams renders everywhere, TextBlocks take a Markdown subset.
 * </ul>
 */
@Component
class WebhookPayloads {

    static final int SLACK_SECTION = 3000;
    static final int SLACK_HEADER = 150;
    static final String USERNAME = "Kintsugi";

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\((https?://[^)\\s]+)\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+)$");

    private final JsonMapper json;

    WebhookPayloads(JsonMapper json) {
        this.json = json;
    }

    /** Return the JSON body for this format. */
    String write(ChannelFormat format, Announcement announcement) {
        Object body = switch (format) {
            case SLACK -> slack(announcement);
            case MATTERMOST -> mattermost(announcement);
            case TEAMS -> teams(announcement);
        };
        return json.writeValueAsString(body);
    }

    private static Map<String, Object> slack(Announcement a) {
        Map<String, Object> header = Map.of(
                "type",
                "header",
                "text",
                Map.of("type", "plain_text", "text", cut(a.title(), SLACK_HEADER), "emoji", false));
        String text = mrkdwn(a.summary());
        if (!a.factors().isEmpty()) {
            text += "\n\n*Contributing factors*\n"
                    + String.join(
                            "\n",
                            a.factors().stream().map(f -> "• " + escape(f)).toList());
        }
        text += "\n\n<" + a.link() + "|Read it in Kintsugi>";
        Map<String, Object> section =
                Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", cut(text, SLACK_SECTION)));
        Map<String, Object> context =
                Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text", escape(facts(a)))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", escape(a.title()) + " — " + a.link());
        body.put("blocks", List.of(header, section, context));
        return body;
    }

    private static Map<String, Object> mattermost(Announcement a) {
        StringBuilder text = new StringBuilder("#### [")
                .append(a.title().replace("]", "\\]"))
                .append("](")
                .append(a.link())
                .append(")\n")
                .append(facts(a))
                .append("\n\n")
                .append(a.summary().strip());
        if (!a.factors().isEmpty()) {
            text.append("\n\n**Contributing factors**\n");
            a.factors().forEach(f -> text.append("- ").append(f).append('\n'));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text.toString().strip());
        body.put("username", USERNAME);
        return body;
    }

    private static Map<String, Object> teams(Announcement a) {
        List<Object> cardBody = new ArrayList<>();
        cardBody.add(Map.of("type", "TextBlock", "text", a.title(), "size", "Large", "weight", "Bolder", "wrap", true));
        cardBody.add(Map.of("type", "TextBlock", "text", facts(a), "isSubtle", true, "wrap", true, "spacing", "None"));
        cardBody.add(Map.of("type", "TextBlock", "text", a.summary().strip(), "wrap", true));
        if (!a.factors().isEmpty()) {
            cardBody.add(Map.of("type", "TextBlock", "text", "Contributing factors", "weight", "Bolder", "wrap", true));
            cardBody.add(Map.of(
                    "type",
                    "TextBlock",
                    "text",
                    String.join("\n", a.factors().stream().map(f -> "- " + f).toList()),
                    "wrap",
                    true));
        }
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", cardBody);
        card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Read it in Kintsugi", "url", a.link())));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("contentUrl", null);
        attachment.put("content", card);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "message");
        body.put("attachments", List.of(attachment));
        return body;
    }

    /** Return the one line of facts under the title: incident, kind, severity, teams, services. */
    static String facts(Announcement a) {
        List<String> facts = new ArrayList<>();
        if (a.incidentKey() != null) {
            facts.add(a.incidentKey());
        }
        if (a.incidentKind() != null) {
            facts.add(a.incidentKind());
        }
        if (a.severity() != null) {
            facts.add(a.severity());
        }
        if (!a.teams().isEmpty()) {
            facts.add("Teams: " + String.join(", ", a.teams()));
        }
        if (!a.services().isEmpty()) {
            facts.add("Services: " + String.join(", ", a.services()));
        }
        facts.add("published by " + a.publishedBy());
        return String.join(" · ", facts);
    }

    /** Turn the common Markdown of a summary into Slack's mrkdwn: links, bold, headings; escape the rest. */
    static String mrkdwn(String markdown) {
        String text = escape(markdown.strip());
        text = HEADING.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement("*" + m.group(1).strip() + "*"));
        text = BOLD.matcher(text).replaceAll(m -> Matcher.quoteReplacement("*" + m.group(1) + "*"));
        return LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement("<" + m.group(2) + "|" + m.group(1) + ">"));
    }

    /** Escape the three characters Slack reserves for its own markup. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
