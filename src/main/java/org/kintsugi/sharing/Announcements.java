package org.kintsugi.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Mailer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Record what goes out and to whom, in the caller's transaction: the announcement and one delivery per channel and
 * per person that wants it. Sending starts once that is committed, so an announcement either is recorded with all
 * its deliveries or not at all, and a delivery that fails is tried again until it goes out.
 */
@Service
@Transactional
public class Announcements {

    /** At most this many people named as a summary's participants. */
    public static final int MAX_PARTICIPANTS = 500;

    private final AnnouncementRecords records;
    private final Channels channels;
    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final Dispatcher dispatcher;
    private final UserManagement users;
    private final PostmortemManagement postmortems;
    private final Mailer mailer;
    private final Clock clock;

    Announcements(
            AnnouncementRecords records,
            Channels channels,
            Subscriptions subscriptions,
            Deliveries deliveries,
            Dispatcher dispatcher,
            UserManagement users,
            PostmortemManagement postmortems,
            Mailer mailer,
            Clock clock) {
        this.records = records;
        this.channels = channels;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.users = users;
        this.postmortems = postmortems;
        this.mailer = mailer;
        this.clock = clock;
    }

    /**
     * Announce something learned to every channel and person it is for; nothing happens when the same source was
     * announced before. Return how many deliveries were recorded.
     */
    public int announce(Announcement announcement) {
        if (records.exists(announcement.sourceKey())) {
            return 0;
        }
        long id = records.add(announcement);
        Instant now = clock.instant();
        int count = 0;
        for (Channels.Channel channel : channels.all()) {
            if (channel.wants(announcement)) {
                deliveries.add(id, "channel:" + channel.id(), channel.id(), null, null, now);
                count++;
            }
        }
        for (Recipient recipient : recipients(announcement)) {
            deliveries.add(id, "mail:" + recipient.email(), null, recipient.personId(), recipient.email(), now);
            count++;
        }
        Dispatcher.afterCommit(dispatcher::dispatchSoon);
        return count;
    }

    /**
     * Share a debrief's summary with the audience its facilitator chose: {@code participants} (the addresses given),
     * {@code teams} (the channels and subscribers of the postmortem's teams) or {@code subscribers} (everyone whose
     * channel filter or subscription matches). Sharing the same summary at the same moment twice sends it once.
     */
    public int shareDebriefSummary(
            long debriefId,
            @Nullable Long postmortemId,
            String title,
            String summaryMarkdown,
            String audience,
            List<String> participantEmails,
            Instant at) {
        Announcement.Audience.Kind kind = audienceKind(audience);
        if (participantEmails.size() > MAX_PARTICIPANTS) {
            throw new InvalidInputException(
                    "participantEmails", "are " + participantEmails.size() + ": at most " + MAX_PARTICIPANTS);
        }
        PostmortemView postmortem = postmortemId == null ? null : postmortems.find(postmortemId);
        String link =
                mailer.baseUrl() + (postmortemId == null ? "/debriefs/" + debriefId : "/postmortems/" + postmortemId);
        return announce(new Announcement(
                "debrief:" + debriefId + ":" + at.toEpochMilli(),
                postmortemId,
                title,
                summaryMarkdown,
                link,
                postmortem == null ? null : postmortem.incidentKey(),
                null,
                postmortem == null ? null : postmortem.severity().name(),
                List.of(),
                postmortem == null ? List.of() : postmortem.teams(),
                List.of(),
                new Announcement.Audience(kind, participantEmails),
                "the debrief's facilitator",
                at));
    }

    private static Announcement.Audience.Kind audienceKind(String audience) {
        try {
            return Announcement.Audience.Kind.valueOf(audience.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("audience", "is \"" + audience + "\": participants, teams or subscribers");
        }
    }

    private record Recipient(@Nullable Long personId, String email) {}

    private List<Recipient> recipients(Announcement announcement) {
        if (!mailer.enabled()) {
            return List.of();
        }
        Map<Long, UserView> people = users.all().stream()
                .filter(UserView::active)
                .collect(Collectors.toMap(UserView::id, Function.identity()));
        if (announcement.audience().kind() == Announcement.Audience.Kind.PARTICIPANTS) {
            Map<String, UserView> byEmail = people.values().stream()
                    .collect(Collectors.toMap(u -> u.email().toLowerCase(Locale.ROOT), u -> u, (a, b) -> a));
            Set<String> seen = new HashSet<>();
            return announcement.audience().emails().stream()
                    .map(e -> e.strip().toLowerCase(Locale.ROOT))
                    .filter(e -> !e.isEmpty() && e.length() <= 254 && seen.add(e))
                    .map(e -> new Recipient(
                            byEmail.containsKey(e) ? byEmail.get(e).id() : null, e))
                    .toList();
        }
        boolean teamsOnly = announcement.audience().kind() == Announcement.Audience.Kind.TEAMS;
        return subscriptions.wanting().stream()
                .map(Subscriptions.Subscription::view)
                .filter(s -> people.containsKey(s.personId()))
                .filter(s -> !teamsOnly || s.scope() == Scope.TEAMS)
                .filter(s -> s.scope().matches(s.items(), announcement))
                .map(s -> new Recipient(s.personId(), people.get(s.personId()).email()))
                .toList();
    }
}
