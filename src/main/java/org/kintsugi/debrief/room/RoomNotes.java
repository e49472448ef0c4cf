package org.kintsugi.debrief.room;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.RefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Write down what the group said about a theme while discussing it: anyone in the room adds a note in the discuss and
 * actions phases; the writer takes their own away, the facilitator any. Notes are only added and taken away, never
 * changed, so two people writing at once never overwrite each other. A note written while the room is anonymous names
 * nobody, as a card does.
 */
@Service
@Transactional
public class RoomNotes {

    /** Characters one note may hold. */
    public static final int NOTE_LENGTH = 2_000;

    /** Notes one debrief may hold. */
    public static final int NOTES = 500;

    /** The phases in which notes are written and taken away. */
    static final Set<RoomPhase> PHASES = Set.of(RoomPhase.DISCUSS, RoomPhase.ACTIONS);

    private final RoomAccess access;
    private final RoomStore store;
    private final RoomLog log;
    private final RoomCoach coach;
    private final RoomReader reader;
    private final Clock clock;

    RoomNotes(RoomAccess access, RoomStore store, RoomLog log, RoomCoach coach, RoomReader reader, Clock clock) {
        this.access = access;
        this.store = store;
        this.log = log;
        this.coach = coach;
        this.reader = reader;
        this.clock = clock;
    }

    /** Add a note to a theme of this debrief; return its id. */
    public long add(long id, long themeId, @Nullable String text, KintsugiPrincipal me) {
        DebriefView debrief = access.writing(id, me);
        theme(id, themeId);
        Room room = inPhase(debrief, "Notes are written on themes");
        String checked = text(text);
        int held = store.noteCount(id);
        if (held >= NOTES) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.FULL,
                    "text",
                    "debrief-notes",
                    NOTES,
                    "This debrief holds " + held + " notes; one more is more than one debrief may");
        }
        long note = store.addNote(id, themeId, me.id(), room.anonymous(), checked, clock.instant());
        store.coachNote(note, coach.nudge(checked));
        log.append(id, "note");
        return note;
    }

    /** Take a note away: its writer's own, or any for the facilitator. */
    public void remove(long id, long themeId, long noteId, KintsugiPrincipal me) {
        DebriefView debrief = access.writing(id, me);
        RoomStore.Note note =
                store.note(id, noteId).filter(n -> n.themeId() == themeId).orElseThrow(() -> gone(noteId));
        if (note.authorId() != me.id() && !RoomAccess.facilitates(debrief, me)) {
            throw RefusedException.person("Only the writer of a note or the facilitator may take it away.");
        }
        inPhase(debrief, "Notes are taken away");
        if (!store.removeNote(noteId)) {
            throw gone(noteId);
        }
        log.append(id, "note");
    }

    /** Take a note away wherever it is in the debrief: what the room's page asks, which knows the note only. */
    public void remove(long id, long noteId, KintsugiPrincipal me) {
        access.entering(id, me);
        RoomStore.Note note = store.note(id, noteId).orElseThrow(() -> gone(noteId));
        remove(id, note.themeId(), noteId, me);
    }

    /** Return the notes on a theme as this person sees them, in the order written. */
    @Transactional(readOnly = true)
    public List<RoomView.NoteView> notes(long id, long themeId, KintsugiPrincipal me) {
        return reader.read(id, me).themes().stream()
                .filter(t -> t.id() == themeId)
                .findFirst()
                .orElseThrow(() -> noTheme(themeId))
                .notes();
    }

    private void theme(long id, long themeId) {
        if (store.themes(id).stream().noneMatch(t -> t.id() == themeId)) {
            throw noTheme(themeId);
        }
    }

    private Room inPhase(DebriefView debrief, String what) {
        Room room = store.room(debrief.id()).orElseThrow(() -> RoomManagement.notOpen(debrief));
        if (!PHASES.contains(room.phase())) {
            throw RefusedException.state(what + " in the discuss and actions phases; the room is in "
                    + room.phase().label().toLowerCase() + ".");
        }
        return room;
    }

    private static String text(@Nullable String text) {
        String checked = text == null ? "" : text.strip();
        if (checked.isEmpty()) {
            throw new InvalidInputException("text", "is empty: write what the group said");
        }
        if (checked.length() > NOTE_LENGTH) {
            throw new InvalidInputException(
                    "text", "is " + checked.length() + " characters: a note holds at most " + NOTE_LENGTH);
        }
        return checked;
    }

    private static NotFoundException noTheme(long themeId) {
        return new NotFoundException("There is no theme " + themeId + " in this debrief.");
    }

    private static NotFoundException gone(long noteId) {
        return new NotFoundException("There is no note " + noteId + " here; it may have been taken away already.");
    }
}
