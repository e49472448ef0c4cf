package org.kintsugi.debrief.room;

import java.time.LocalDate;
import java.util.List;
import org.kintsugi.debrief.DebriefDetails;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.debrief.InviteeRole;
import org.kintsugi.debrief.NewInvitee;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserView;
import org.kintsugi.support.TestPeople;

/**
 * A retrospective with its facilitator, two invited members, an invited viewer, and a member who was not invited.
 */
public record RoomWorld(long id, UserView facilitator, UserView ada, UserView ben, UserView viewer, UserView outsider) {

    /** Schedule a retrospective a month ahead, facilitated by a new member, inviting two members and a viewer. */
    public static RoomWorld retrospective(DebriefManagement debriefs, TestPeople people) {
        UserView facilitator = people.member();
        UserView ada = people.member();
        UserView ben = people.member();
        UserView viewer = people.viewer();
        UserView outsider = people.member();
        DebriefDetails details = DebriefDetails.parse(
                "Sprint retrospective",
                LocalDate.now().plusDays(30).toString(),
                "10:00",
                "Europe/Berlin",
                "60",
                "https://meet.example.org/retro",
                facilitator.id());
        long id = debriefs.schedule(
                        null,
                        details,
                        List.of(
                                NewInvitee.person(ada.id(), InviteeRole.REQUIRED),
                                NewInvitee.person(ben.id(), InviteeRole.REQUIRED),
                                NewInvitee.person(viewer.id(), InviteeRole.OPTIONAL)),
                        KintsugiPrincipal.of(facilitator))
                .id();
        return new RoomWorld(id, facilitator, ada, ben, viewer, outsider);
    }

    public String api() {
        return "/api/v1/debriefs/" + id;
    }
}
