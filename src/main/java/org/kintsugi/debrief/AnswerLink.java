package org.kintsugi.debrief;

import java.time.Instant;
import java.time.ZoneId;

/** What an invitee's answer link opens: the debrief as invited, and the answer they gave so far. */
public record AnswerLink(
        long debriefId,
        String title,
        Instant startsAt,
        ZoneId zone,
        int durationMinutes,
        DebriefState state,
        String inviteeName,
        Answer answer) {}
