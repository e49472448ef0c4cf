package org.kintsugi.sharing;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something learned, ready to go out: a published postmortem, or a debrief's summary.
 *
 * @param sourceKey what it was made from, unique, so the same source is never announced twice (e.g.
 *     {@code postmortem:12:r2})
 * @param summary the key lessons, in Markdown
 * @param link the absolute address of the page to read it all on
 * @param incidentKind the incident's kind as its label, when it came from an incident
 * @param severity {@code SEV1}…{@code SEV4}, when known
 * @param factors the contributing factors, each as one line
 * @param audience who it goes to
 */
public record Announcement(
        String sourceKey,
        @Nullable Long postmortemId,
        String title,
        String summary,
        String link,
        @Nullable String incidentKey,
        @Nullable String incidentKind,
        @Nullable String severity,
        List<String> services,
        List<String> teams,
        List<String> factors,
        Audience audience,
        String publishedBy,
        Instant publishedAt) {

    public Announcement {
        services = List.copyOf(services);
        teams = List.copyOf(teams);
        factors = List.copyOf(factors);
    }

    /**
     * Who an announcement goes to: everyone whose channel filter or subscription matches it, only the subscribers and
     * channels of its teams, or only the people named.
     */
    public record Audience(Kind kind, List<String> emails) {

        public Audience {
            emails = List.copyOf(emails);
        }

        /** Everyone subscribed, as a published postmortem goes out. */
        public static Audience subscribers() {
            return new Audience(Kind.SUBSCRIBERS, List.of());
        }

        /** The kinds of audience a debrief's facilitator chooses from. */
        public enum Kind {
            PARTICIPANTS,
            TEAMS,
            SUBSCRIBERS
        }
    }
}
