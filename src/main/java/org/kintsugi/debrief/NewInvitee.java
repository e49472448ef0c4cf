package org.kintsugi.debrief;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.InvalidInputException;

/** Someone to invite: a person of Kintsugi by id, or anyone by e-mail address; required or optional. */
public record NewInvitee(@Nullable Long personId, @Nullable String email, InviteeRole role) {

    /** Invite a person of Kintsugi. */
    public static NewInvitee person(long personId, InviteeRole role) {
        return new NewInvitee(personId, null, role);
    }

    /** Invite an e-mail address. */
    public static NewInvitee address(String email, InviteeRole role) {
        return new NewInvitee(null, email, role);
    }

    /** Read a role as the API and the form write it (required or optional; absent means required). */
    public static InviteeRole role(@Nullable String code, String field) {
        if (code == null || code.isBlank()) {
            return InviteeRole.REQUIRED;
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "required" -> InviteeRole.REQUIRED;
            case "optional" -> InviteeRole.OPTIONAL;
            default -> throw new InvalidInputException(field, "must be required or optional");
        };
    }
}
