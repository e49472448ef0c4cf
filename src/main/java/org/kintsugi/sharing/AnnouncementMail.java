package org.kintsugi.sharing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.Mailer;
import org.kintsugi.shared.Markdown;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Mail an announcement: plain text and HTML, a link to read it all, and for subscribers a link (and a
 * {@code List-Unsubscribe} header, RFC 2369) that stops the mails without signing in.
 */
@Component
class AnnouncementMail {

    private final ITemplateEngine templates;
    private final Mailer mailer;

    AnnouncementMail(ITemplateEngine templates, Mailer mailer) {
        this.templates = templates;
        this.mailer = mailer;
    }

    /**
     * Send it; {@code unsubscribeToken} when it goes to a subscriber.
     *
     * @return whether it was handed to the SMTP server; false when mail is off
     */
    boolean send(String to, Announcement a, @Nullable String unsubscribeToken) {
        String unsubscribe = unsubscribeToken == null ? null : mailer.baseUrl() + "/unsubscribe/" + unsubscribeToken;
        String subscriptions = mailer.baseUrl() + "/profile/subscriptions";
        String facts = WebhookPayloads.facts(a);
        Map<String, Object> model = new HashMap<>();
        model.put("a", a);
        model.put("facts", facts);
        model.put("summaryHtml", Markdown.toHtml(a.summary()));
        model.put("unsubscribe", unsubscribe);
        model.put("subscriptions", subscriptions);
        String html = templates.process("sharing/mail/announcement", new Context(Locale.ENGLISH, model));
        StringBuilder text =
                new StringBuilder(a.title()).append('\n').append(facts).append("\n\n");
        text.append(a.summary().strip()).append("\n\n");
        if (!a.factors().isEmpty()) {
            text.append("Contributing factors:\n");
            a.factors().forEach(f -> text.append("- ").append(f).append('\n'));
            text.append('\n');
        }
        text.append("Read it in Kintsugi: ").append(a.link()).append('\n');
        Map<String, String> headers = Map.of();
        if (unsubscribe != null) {
            text.append("\nChange what you get: ")
                    .append(subscriptions)
                    .append("\nUnsubscribe: ")
                    .append(unsubscribe)
                    .append('\n');
            headers = Map.of("List-Unsubscribe", "<" + unsubscribe + ">");
        }
        String subject =
                (a.postmortemId() != null && a.sourceKey().startsWith("postmortem:") ? "Postmortem: " : "") + a.title();
        return mailer.send(to, subject, text.toString(), html, List.of(), headers);
    }
}
