package org.kintsugi.action;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.kintsugi.identity.UserView;
import org.kintsugi.incident.IncidentDetails;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;

/** Incidents with a postmortem, and action items on them, for tests that follow items through time. */
public final class ActionFixtures {

    private ActionFixtures() {}

    /** Declare a resolved incident of this team, start its postmortem owned by {@code owner}, return its id. */
    public static long postmortem(
            IncidentManagement incidents,
            PostmortemManagement postmortems,
            UserView owner,
            String title,
            String team,
            Instant now) {
        Instant started = now.minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        String key = incidents
                .declare(
                        new IncidentDetails(
                                title,
                                "",
                                IncidentKind.SYSTEM,
                                Severity.SEV2,
                                "Customers could not pay for an hour.",
                                null,
                                List.of(),
                                List.of(team),
                                started,
                                null,
                                null,
                                null,
                                started.plus(1, ChronoUnit.HOURS)),
                        owner.displayName())
                .key();
        return postmortems
                .start(key, null, new Author(owner.id(), owner.displayName()))
                .id();
    }

    /** The details of an item due on a given day. */
    public static ActionDetails details(String title, LocalDate due) {
        return new ActionDetails(
                title, "", due, Priority.P2, ActionType.PREVENT, "The same alert does not fire again for a month");
    }

    /** Return the person as the author of a change. */
    public static Author as(UserView person) {
        return new Author(person.id(), person.displayName());
    }
}
