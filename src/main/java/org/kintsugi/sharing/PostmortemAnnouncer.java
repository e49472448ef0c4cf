package org.kintsugi.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemPublished;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.shared.Mailer;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Announce every published postmortem (and every published revision of one). The listener runs after publishing
 * committed, in a transaction of its own, and the event publication registry keeps the event until it completes:
 * publishing never waits for a channel, and an announcement that could not be recorded is recorded at the next
 * start.
 */
@Component
class PostmortemAnnouncer {

    /** The announcement carries at most this much of the postmortem's summary and lessons. */
    static final int MAX_SUMMARY = 20_000;

    static final List<String> LESSON_SECTIONS = List.of("summary", "lessons-learned");

    private final Announcements announcements;
    private final PostmortemManagement postmortems;
    private final IncidentManagement incidents;
    private final Mailer mailer;

    PostmortemAnnouncer(
            Announcements announcements,
            PostmortemManagement postmortems,
            IncidentManagement incidents,
            Mailer mailer) {
        this.announcements = announcements;
        this.postmortems = postmortems;
        this.incidents = incidents;
        this.mailer = mailer;
    }

    @ApplicationModuleListener
    void on(PostmortemPublished published) {
        PostmortemView postmortem = postmortems.find(published.postmortemId());
        IncidentView incident = incidents.find(published.incidentId());
        List<String> factors = published.factors().stream()
                .map(f -> f.category().isBlank() ? f.statement() : f.category() + ": " + f.statement())
                .toList();
        announcements.announce(new Announcement(
                "postmortem:" + published.postmortemId() + ":r" + published.revision(),
                published.postmortemId(),
                published.title(),
                lessons(postmortem),
                mailer.baseUrl() + "/postmortems/" + published.postmortemId(),
                published.incidentKey(),
                incident.kind().label(),
                incident.severity().name(),
                incident.services(),
                incident.teams(),
                factors,
                Announcement.Audience.subscribers(),
                published.publishedBy(),
                published.publishedAt()));
    }

    /** Return the key lessons in Markdown: the summary and lessons sections, or the first section written. */
    static String lessons(PostmortemView postmortem) {
        List<String> parts = new ArrayList<>();
        for (String key : LESSON_SECTIONS) {
            section(postmortem, key)
                    .ifPresent(s ->
                            parts.add("**" + s.heading() + "**\n\n" + s.body().strip()));
        }
        if (parts.isEmpty()) {
            postmortem.sections().stream()
                    .filter(s -> !s.empty())
                    .findFirst()
                    .ifPresent(s ->
                            parts.add("**" + s.heading() + "**\n\n" + s.body().strip()));
        }
        String text = String.join("\n\n", parts);
        return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY) + "…";
    }

    private static Optional<PostmortemView.Section> section(PostmortemView postmortem, String key) {
        return postmortem.sections().stream()
                .filter(s -> s.key().equals(key) && !s.empty())
                .findFirst();
    }
}
