package org.kintsugi.debrief;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A debrief as people and the API read it. {@code startsAt} is UTC; {@code zone} the zone it was entered in;
 * {@code version} is what an edit names in {@code If-Match}.
 */
public record DebriefView(
        long id,
        String uid,
        @Nullable Long postmortemId,
        @Nullable String incidentKey,
        DebriefKind kind,
        String title,
        Instant startsAt,
        ZoneId zone,
        int durationMinutes,
        String meetingLink,
        Person facilitator,
        Person owner,
        DebriefState state,
        int sequence,
        List<InviteeView> invitees,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** Return when the debrief ends. */
    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    /** Return the start on the clock of the zone it was entered in. */
    public ZonedDateTime localStart() {
        return startsAt.atZone(zone);
    }

    /** Return whether the room is not open yet at this moment: scheduled and before the start. */
    public boolean beforeStart(Instant now) {
        return state == DebriefState.SCHEDULED && now.isBefore(startsAt);
    }

    /** Return whether the meeting's time is running at this moment. */
    public boolean running(Instant now) {
        return state != DebriefState.CANCELLED && !now.isBefore(startsAt) && now.isBefore(endsAt());
    }

    /** Return whether this person may change the debrief: its owner, its facilitator, or an administrator. */
    public boolean editableBy(long personId, boolean admin) {
        return admin || personId == owner.id() || personId == facilitator.id();
    }

    /** Return how many invitees gave this answer, by its code: {@code yes}, {@code no}, {@code maybe}, {@code none}. */
    public long count(String answer) {
        return invitees.stream().filter(i -> i.answer().code().equals(answer)).count();
    }

    /** A person by id with their name. */
    public record Person(long id, String name) {}

    /**
     * One invitee: a person (with {@code personId}) or an address. {@code delivery} says whether their latest
     * invitation or cancellation went out: {@code sent}, {@code pending} (waiting for the mail sender, or mail is
     * off) or {@code failing} (tried {@code mailAttempts} times, last refused with {@code mailError}; tried again).
     */
    public record InviteeView(
            long id,
            @Nullable Long personId,
            String email,
            String name,
            InviteeRole role,
            Answer answer,
            @Nullable Instant answeredAt,
            String delivery,
            int mailAttempts,
            @Nullable String mailError) {}
}
