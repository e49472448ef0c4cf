package org.kintsugi.sharing.web;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.kintsugi.shared.Mailer;
import org.kintsugi.shared.Markdown;
import org.kintsugi.sharing.SharedPostmortem;
import org.springframework.stereotype.Component;

/**
 * Write the Atom feed (RFC 4287) of published postmortems with ROME: a stable {@code tag:} URI (RFC 4151) per feed
 * and per postmortem, so a reader sees a new revision as the same entry updated.
 */
@Component
class PostmortemFeed {

    /** The date in the tag URIs: the year Kintsugi began minting them; it never changes. */
    static final String TAG_DATE = "2026";

    private final Mailer mailer;

    PostmortemFeed(Mailer mailer) {
        this.mailer = mailer;
    }

    String write(List<SharedPostmortem> postmortems, String selfUrl) {
        String authority = URI.create(mailer.baseUrl()).getHost();
        Feed feed = new Feed("atom_1.0");
        feed.setId("tag:" + authority + "," + TAG_DATE + ":postmortems");
        feed.setTitle("Published postmortems · Kintsugi");
        feed.setUpdated(Date.from(postmortems.stream()
                .map(SharedPostmortem::publishedAt)
                .max(Instant::compareTo)
                .orElse(Instant.parse("2026-01-01T00:00:00Z"))));
        feed.setOtherLinks(List.of(link("self", selfUrl, "application/atom+xml")));
        feed.setAlternateLinks(List.of(link("alternate", mailer.baseUrl() + "/postmortems", "text/html")));
        Person kintsugi = new Person();
        kintsugi.setName("Kintsugi");
        feed.setAuthors(List.of(kintsugi));
        List<Entry> entries = new ArrayList<>();
        for (SharedPostmortem p : postmortems) {
            entries.add(entry(authority, p));
        }
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the feed: " + e.getMessage(), e);
        }
    }

    private static Entry entry(String authority, SharedPostmortem p) {
        Entry entry = new Entry();
        entry.setId("tag:" + authority + "," + TAG_DATE + ":postmortem:" + p.postmortemId());
        entry.setTitle((p.incidentKey() == null ? "" : p.incidentKey() + " · ") + p.title());
        entry.setUpdated(Date.from(p.publishedAt()));
        entry.setPublished(Date.from(p.firstPublishedAt()));
        Person author = new Person();
        author.setName(p.publishedBy());
        entry.setAuthors(List.of(author));
        entry.setAlternateLinks(List.of(link("alternate", p.link(), "text/html")));
        Content summary = new Content();
        summary.setType("text");
        summary.setValue(facts(p));
        entry.setSummary(summary);
        Content content = new Content();
        content.setType("html");
        content.setValue(html(p));
        entry.setContents(List.of(content));
        return entry;
    }

    private static String facts(SharedPostmortem p) {
        List<String> facts = new ArrayList<>();
        if (p.severity() != null) {
            facts.add(p.severity());
        }
        if (p.incidentKind() != null) {
            facts.add(p.incidentKind());
        }
        if (!p.teams().isEmpty()) {
            facts.add("Teams: " + String.join(", ", p.teams()));
        }
        if (!p.services().isEmpty()) {
            facts.add("Services: " + String.join(", ", p.services()));
        }
        return String.join(" · ", facts);
    }

    private static String html(SharedPostmortem p) {
        StringBuilder html = new StringBuilder(Markdown.toHtml(p.summary()));
        if (!p.factors().isEmpty()) {
            html.append("<h3>Contributing factors</h3><ul>");
            p.factors().forEach(f -> html.append("<li>").append(escape(f)).append("</li>"));
            html.append("</ul>");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
