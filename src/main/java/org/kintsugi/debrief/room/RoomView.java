package org.kintsugi.debrief.room;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A room as one person sees it. Until the reflect phase ends, {@code cards} holds only their own cards and
 * {@code othersWriting} counts everyone else's; an anonymous card's or note's {@code author} is null for everyone, and
 * the coach's nudges are there only for the facilitator.
 */
public record RoomView(
        long debriefId,
        String title,
        String meetingLink,
        String kind,
        String state,
        @Nullable Long postmortemId,
        boolean opened,
        String phase,
        String phaseLabel,
        List<Step> phases,
        Instant phaseStartedAt,
        int phaseMinutes,
        Instant phaseEndsAt,
        boolean anonymous,
        int votesPerPerson,
        int votesPerTheme,
        long facilitatorId,
        String facilitatorName,
        boolean facilitating,
        boolean canWrite,
        List<RoomColumns.Column> columns,
        List<CardView> cards,
        int othersWriting,
        List<ThemeView> themes,
        List<ParticipantView> participants,
        int myVotesLeft,
        List<ProposalView> proposals,
        long lastEventId) {

    /** A phase of the room and whether it is the current one. */
    public record Step(String code, String label, boolean current, boolean done) {}

    /** A card: {@code author} null when anonymous; {@code mine} for its author; {@code coachNote} for the facilitator. */
    public record CardView(
            long id,
            String column,
            String text,
            @Nullable String author,
            boolean mine,
            @Nullable Long themeId,
            @Nullable String coachNote) {}

    /** A theme with its cards, all its votes and mine, and the notes of its discussion in the order written. */
    public record ThemeView(
            long id,
            String title,
            int votes,
            int myVotes,
            @Nullable Long whysNodeId,
            List<CardView> cards,
            List<NoteView> notes) {}

    /**
     * A note on a theme: {@code author} null when written while the room was anonymous; {@code mine} for its writer;
     * {@code removable} for its writer and the facilitator; {@code coachNote} for the facilitator.
     */
    public record NoteView(
            long id,
            long themeId,
            String text,
            @Nullable String author,
            boolean mine,
            boolean removable,
            @Nullable String coachNote,
            Instant at) {}

    /** Someone in the room: here now or not, and the votes they have left. */
    public record ParticipantView(long personId, String name, boolean present, int votesLeft, boolean tookPart) {}

    /** A next step proposed, with its one owner, and the action item it became. */
    public record ProposalView(
            long id,
            String text,
            long ownerId,
            String ownerName,
            @Nullable Long actionId) {}

    /** Return what a person is told of the cards others have written while they are hidden. */
    public String othersWritingText() {
        return othersWritingText(othersWriting);
    }

    /** Return the sentence for this many cards by others, as the room shows it and its stream sends it. */
    public static String othersWritingText(int others) {
        return others == 1 ? "1 card by others so far." : others + " cards by others so far.";
    }

    /** Return the cards in a column that are in no theme yet. */
    public List<CardView> unsorted(String column) {
        return cards.stream()
                .filter(c -> c.column().equals(column) && c.themeId() == null)
                .toList();
    }
}
