package org.kintsugi.debrief.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.InviteeRole;
import org.kintsugi.debrief.NewInvitee;
import org.kintsugi.shared.InvalidInputException;

/** Read the invitees a form names: people ticked by id, and addresses typed one a line or separated by commas. */
final class InviteeLines {

    /** Bounds what one form may carry before the module's own count of invitees. */
    static final int MAX_TYPED = 100;

    private InviteeLines() {}

    static List<NewInvitee> read(@Nullable List<Long> people, @Nullable String emails, @Nullable String role) {
        InviteeRole chosen = NewInvitee.role(role, "role");
        Set<Long> ids = new LinkedHashSet<>();
        // An empty choice in a select arrives as null.
        (people == null ? List.<Long>of() : people)
                .stream().filter(Objects::nonNull).forEach(ids::add);
        List<NewInvitee> wanted = new ArrayList<>();
        ids.forEach(id -> wanted.add(NewInvitee.person(id, chosen)));
        Set<String> typed = new LinkedHashSet<>();
        for (String part : (emails == null ? "" : emails).split("[,;\\s]+")) {
            if (!part.isBlank()) {
                typed.add(part.strip());
            }
        }
        if (typed.size() > MAX_TYPED) {
            throw new InvalidInputException(
                    "emails", "name " + typed.size() + " addresses; at most " + MAX_TYPED + " at once");
        }
        typed.forEach(address -> wanted.add(NewInvitee.address(address, chosen)));
        return wanted;
    }

    /** Name a problem of the n-th invitee by the form's field: the ticked people first, then the typed addresses. */
    static String formField(String field) {
        if (field.startsWith("invitees[")) {
            return field.endsWith(".email") ? "emails" : "people";
        }
        return field;
    }
}
