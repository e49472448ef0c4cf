package org.kintsugi.debrief.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.DebriefDetails;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.debrief.NewInvitee;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.ETags;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The debrief API: schedule, read, change and cancel debriefs, and invite people to them. */
@RestController
@RequestMapping("/api/v1/debriefs")
@Tag(name = "Debriefs")
class DebriefApi {

    private final DebriefManagement debriefs;

    DebriefApi(DebriefManagement debriefs) {
        this.debriefs = debriefs;
    }

    /**
     * A debrief's schedule as a client sends it: {@code date} {@code YYYY-MM-DD} and {@code time} {@code HH:MM} on the
     * clock of {@code zone} (IANA, e.g. Europe/Berlin); {@code durationMinutes} 5–480; {@code meetingLink} http(s).
     */
    record ScheduleRequest(
            @Nullable Long postmortemId,
            @Nullable String title,
            @Nullable String date,
            @Nullable String time,
            @Nullable String zone,
            @Nullable Integer durationMinutes,
            @Nullable String meetingLink,
            @Nullable Long facilitatorId,
            @Nullable List<InviteeRequest> invitees) {

        DebriefDetails details() {
            return DebriefDetails.parse(
                    title,
                    date,
                    time,
                    zone,
                    durationMinutes == null ? null : String.valueOf(durationMinutes),
                    meetingLink,
                    facilitatorId);
        }
    }

    /** Someone to invite: {@code personId} or {@code email}; {@code role} required (default) or optional. */
    record InviteeRequest(
            @Nullable Long personId,
            @Nullable String email,
            @Nullable String role) {}

    /** People to invite to a debrief. */
    record InviteRequest(@Nullable List<InviteeRequest> invitees) {}

    @Operation(
            summary = "Schedule a debrief",
            description = "With postmortemId, a debrief of that postmortem; without, a routine retrospective. The"
                    + " facilitator is invited as such; invitees (at most " + DebriefManagement.MAX_INVITEES
                    + ") are mailed an iCalendar invitation.")
    @PostMapping
    ResponseEntity<DebriefView> schedule(
            @RequestBody ScheduleRequest request, @AuthenticationPrincipal KintsugiPrincipal me) {
        DebriefView made =
                debriefs.schedule(request.postmortemId(), request.details(), invitees(request.invitees()), me);
        return ResponseEntity.created(URI.create("/api/v1/debriefs/" + made.id()))
                .eTag(ETags.of(made.version()))
                .body(made);
    }

    @Operation(summary = "Read a debrief with its invitees and their answers")
    @GetMapping("/{id}")
    ResponseEntity<DebriefView> get(@PathVariable long id) {
        return tagged(debriefs.find(id));
    }

    @Operation(
            summary = "Change a debrief's schedule",
            description = "The whole schedule, as when scheduling (invitees and postmortemId are ignored); If-Match"
                    + " required. The owner, the facilitator and administrators may; invitees are sent the update.")
    @PutMapping("/{id}")
    ResponseEntity<DebriefView> revise(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody ScheduleRequest request,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        long expected = ETags.required(ifMatch, "the debrief");
        return tagged(debriefs.revise(id, expected, request.details(), me));
    }

    @Operation(
            summary = "Cancel a debrief",
            description = "Everyone invited is sent a cancellation. If-Match is checked when sent.")
    @PostMapping("/{id}/cancel")
    ResponseEntity<DebriefView> cancel(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        Long expected =
                ETags.version(ifMatch).isPresent() ? ETags.version(ifMatch).getAsLong() : null;
        return tagged(debriefs.cancel(id, expected, me));
    }

    @Operation(summary = "List a debrief's invitees with their answers and whether their mail went out")
    @GetMapping("/{id}/invitees")
    List<DebriefView.InviteeView> invitees(@PathVariable long id) {
        return debriefs.find(id).invitees();
    }

    @Operation(
            summary = "Invite more people or addresses to a debrief",
            description = "They are mailed the invitation.")
    @PostMapping("/{id}/invitees")
    List<DebriefView.InviteeView> invite(
            @PathVariable long id, @RequestBody InviteRequest request, @AuthenticationPrincipal KintsugiPrincipal me) {
        if (request.invitees() == null || request.invitees().isEmpty()) {
            throw new InvalidInputException("invitees", "is required: at least one person or address");
        }
        return debriefs.invite(id, invitees(request.invitees()), me).invitees();
    }

    private static List<NewInvitee> invitees(@Nullable List<InviteeRequest> requests) {
        if (requests == null) {
            return List.of();
        }
        if (requests.size() > DebriefManagement.MAX_INVITEES) {
            throw new InvalidInputException(
                    "invitees", "are " + requests.size() + ": at most " + DebriefManagement.MAX_INVITEES);
        }
        List<NewInvitee> wanted = new ArrayList<>();
        for (int n = 0; n < requests.size(); n++) {
            InviteeRequest r = requests.get(n);
            if (r == null || (r.personId() == null) == (r.email() == null)) {
                throw new InvalidInputException("invitees[" + n + "]", "needs either personId or email, not both");
            }
            wanted.add(new NewInvitee(r.personId(), r.email(), NewInvitee.role(r.role(), "invitees[" + n + "].role")));
        }
        return wanted;
    }

    private static ResponseEntity<DebriefView> tagged(DebriefView debrief) {
        return ResponseEntity.ok().eTag(ETags.of(debrief.version())).body(debrief);
    }
}
