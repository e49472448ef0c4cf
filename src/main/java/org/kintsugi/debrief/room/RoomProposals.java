package org.kintsugi.debrief.room;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionType;
import org.kintsugi.action.Priority;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.RefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Propose next steps in the actions phase, each with one owner. A debrief of a postmortem proposes them as action items
 * of that postmortem, where they soak and are committed as any other; a retrospective keeps them in its room.
 */
@Service
@Transactional
public class RoomProposals {

    /** Proposals one debrief may make. */
    public static final int PROPOSALS = 30;

    /** Days until a proposed item is due unless its owner changes it. */
    public static final int DUE_DAYS = 30;

    private final RoomAccess access;
    private final RoomStore store;
    private final RoomLog log;
    private final ActionManagement actions;
    private final Clock clock;

    RoomProposals(RoomAccess access, RoomStore store, RoomLog log, ActionManagement actions, Clock clock) {
        this.access = access;
        this.store = store;
        this.log = log;
        this.actions = actions;
        this.clock = clock;
    }

    /** Propose a next step: what, one owner, and how we will know it worked. */
    public void propose(
            long id,
            @Nullable String text,
            @Nullable Long ownerId,
            @Nullable String verification,
            KintsugiPrincipal me) {
        DebriefView debrief = access.writing(id, me);
        Room room = store.room(id).orElseThrow(() -> RoomManagement.notOpen(debrief));
        if (room.phase() != RoomPhase.ACTIONS) {
            throw RefusedException.state("Next steps are proposed in the actions phase; the room is in "
                    + room.phase().label().toLowerCase() + ".");
        }
        String title = text == null ? "" : text.strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new InvalidInputException("text", "must be 1 to 200 characters");
        }
        if (ownerId == null) {
            throw new InvalidInputException("ownerId", "is required: name the one person who will see it through");
        }
        int held = store.proposals(id).size();
        if (held >= PROPOSALS) {
            throw new LimitExceededException(
                    LimitExceededException.Kind.FULL,
                    "text",
                    "debrief-proposals",
                    PROPOSALS,
                    "This debrief has proposed " + held + " next steps");
        }
        Long actionId = null;
        if (debrief.postmortemId() != null) {
            LocalDate due = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(DUE_DAYS);
            ActionDetails details = new ActionDetails(
                    title,
                    "Proposed in the debrief \u201c" + debrief.title() + "\u201d.",
                    due,
                    Priority.P3,
                    ActionType.PROCESS,
                    verification == null ? "" : verification.strip());
            actionId = actions.propose(
                            debrief.postmortemId(), null, details, ownerId, null, new Author(me.id(), me.displayName()))
                    .id();
        }
        store.addProposal(id, title, ownerId, actionId, clock.instant());
        log.append(id, "proposal");
    }
}
