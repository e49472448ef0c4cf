package org.kintsugi.debrief.room;

import java.util.Objects;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.RefusedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in a room: the people invited (the facilitator and owner among them) and administrators come in;
 * viewers among them look on; only the facilitator or an administrator moves the room along.
 */
@Component
class RoomAccess {

    private final DebriefManagement debriefs;

    RoomAccess(DebriefManagement debriefs) {
        this.debriefs = debriefs;
    }

    /** Return the debrief when this person may be in its room: invited, its owner or facilitator, or an admin. */
    DebriefView entering(long id, KintsugiPrincipal me) {
        return entering(debriefs.find(id), me);
    }

    /** Return the debrief, as read, when this person may be in its room. */
    static DebriefView entering(DebriefView debrief, KintsugiPrincipal me) {
        boolean invited = debrief.invitees().stream().anyMatch(i -> Objects.equals(i.personId(), me.id()));
        if (!invited && !debrief.editableBy(me.id(), me.isAdmin())) {
            throw RefusedException.person("Only the people invited to this debrief may come into its room.");
        }
        return debrief;
    }

    /** Return the debrief when this person may add to its room: in it, and not a viewer. */
    DebriefView writing(long id, KintsugiPrincipal me) {
        DebriefView debrief = entering(id, me);
        if (!me.canWrite()) {
            throw RefusedException.person("Viewers look on in the room; they do not write in it.");
        }
        return debrief;
    }

    /** Return the debrief when this person facilitates it or is an administrator. */
    DebriefView facilitating(long id, KintsugiPrincipal me) {
        DebriefView debrief = debriefs.find(id);
        if (!facilitates(debrief, me)) {
            throw RefusedException.person(
                    "Only the facilitator (" + debrief.facilitator().name() + ") or an administrator may do this.");
        }
        return debrief;
    }

    static boolean facilitates(DebriefView debrief, KintsugiPrincipal me) {
        return me.isAdmin() || debrief.facilitator().id() == me.id();
    }
}
