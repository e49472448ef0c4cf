package org.kintsugi.action.digest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Write a digest as a mail: an HTML body from a template and the same content as plain text. */
@Component
public class DigestMail {

    private final ITemplateEngine templates;

    DigestMail(ITemplateEngine templates) {
        this.templates = templates;
    }

    public String html(Digest digest) {
        return templates.process("action/mail/digest", new Context(Locale.ENGLISH, Map.of("d", digest)));
    }

    public String text(Digest digest) {
        StringBuilder text = new StringBuilder("Hello " + digest.name() + ",\n");
        digest.parts().forEach(part -> section(text, part.heading(), part.lines()));
        return text.append("\nOne mail a day from Kintsugi, with everything that needs you.\n")
                .toString();
    }

    private static void section(StringBuilder text, String heading, List<Digest.Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append('\n').append(heading).append(":\n");
        for (Digest.Line line : lines) {
            text.append("- ")
                    .append(line.title())
                    .append(" (")
                    .append(line.owner())
                    .append(", due ")
                    .append(line.due())
                    .append(line.daysOverdue() > 0 ? ", " + line.daysOverdue() + " days overdue" : "")
                    .append(")\n  ")
                    .append(line.link())
                    .append('\n');
        }
    }
}
