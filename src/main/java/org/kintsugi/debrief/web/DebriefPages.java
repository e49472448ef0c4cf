package org.kintsugi.debrief.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.debrief.DebriefDetails;
import org.kintsugi.debrief.DebriefManagement;
import org.kintsugi.debrief.DebriefView;
import org.kintsugi.debrief.InviteeSuggestions;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Mailer;
import org.kintsugi.shared.RefusedException;
import org.kintsugi.shared.StaleVersionException;
import org.kintsugi.shared.Zones;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The debriefs: the list, scheduling one (of a postmortem or a routine retrospective), its page, editing, cancelling. */
@Controller
class DebriefPages {

    private final DebriefManagement debriefs;
    private final PostmortemManagement postmortems;
    private final UserManagement users;
    private final Mailer mailer;
    private final Clock clock;
    private final RoomModel room;

    DebriefPages(
            RoomModel room,
            DebriefManagement debriefs,
            PostmortemManagement postmortems,
            UserManagement users,
            Mailer mailer,
            Clock clock) {
        this.room = room;
        this.debriefs = debriefs;
        this.postmortems = postmortems;
        this.users = users;
        this.mailer = mailer;
        this.clock = clock;
    }

    /**
     * The schedule form as typed: the date and time on the clock of {@code zone}; invitees ticked from the suggestions
     * ({@code people}) or typed ({@code emails}); {@code version} when editing.
     */
    record ScheduleForm(
            @Nullable Long postmortemId,
            @Nullable String title,
            @Nullable String date,
            @Nullable String time,
            @Nullable String zone,
            @Nullable String durationMinutes,
            @Nullable String meetingLink,
            @Nullable Long facilitatorId,
            @Nullable List<Long> people,
            @Nullable String emails,
            @Nullable Long version) {

        DebriefDetails details() {
            return DebriefDetails.parse(title, date, time, zone, durationMinutes, meetingLink, facilitatorId);
        }

        /** A new debrief: tomorrow at ten on the person's clock, an hour, with them facilitating. */
        static ScheduleForm fresh(
                @Nullable PostmortemView postmortem, KintsugiPrincipal me, InviteeSuggestions s, Clock clock) {
            LocalDate tomorrow = LocalDate.now(clock.withZone(me.zone())).plusDays(1);
            String title = postmortem == null ? "" : "Debrief: " + postmortem.incidentKey() + " " + postmortem.title();
            return new ScheduleForm(
                    postmortem == null ? null : postmortem.id(),
                    title.length() > DebriefDetails.TITLE_LENGTH
                            ? title.substring(0, DebriefDetails.TITLE_LENGTH)
                            : title,
                    tomorrow.toString(),
                    "10:00",
                    me.zone().getId(),
                    "60",
                    "",
                    me.id(),
                    // Those the incident involved are ticked; administrators are offered, not ticked.
                    s.people().stream()
                            .filter(p -> !p.reasons().equals(List.of(DebriefManagement.ADMINISTRATOR)))
                            .map(InviteeSuggestions.Suggested::personId)
                            .toList(),
                    "",
                    null);
        }

        static ScheduleForm of(DebriefView d) {
            ZonedDateTime local = d.localStart();
            return new ScheduleForm(
                    d.postmortemId(),
                    d.title(),
                    local.toLocalDate().toString(),
                    local.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString(),
                    d.zone().getId(),
                    String.valueOf(d.durationMinutes()),
                    d.meetingLink(),
                    d.facilitator().id(),
                    List.of(),
                    "",
                    d.version());
        }
    }

    /** More people to invite from the debrief's page. */
    record InviteForm(
            @Nullable List<Long> people,
            @Nullable String emails,
            @Nullable String role) {}

    @GetMapping("/debriefs")
    String list(Model model) {
        DebriefManagement.Listing listing = debriefs.list(50);
        model.addAttribute("upcoming", listing.upcoming());
        model.addAttribute("past", listing.past());
        model.addAttribute("now", clock.instant());
        return "debrief/list";
    }

    @GetMapping("/debriefs/new")
    String form(
            @RequestParam(name = "postmortem", required = false) @Nullable Long postmortemId,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model) {
        if (!me.canWrite()) {
            throw RefusedException.person("Viewers cannot schedule debriefs.");
        }
        PostmortemView postmortem = postmortemId == null ? null : postmortems.find(postmortemId);
        InviteeSuggestions suggestions = debriefs.suggestions(postmortemId);
        formModel(model, postmortem, suggestions, ScheduleForm.fresh(postmortem, me, suggestions, clock), null);
        return "debrief/form";
    }

    @PostMapping("/debriefs")
    String schedule(
            ScheduleForm form,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PostmortemView postmortem = form.postmortemId() == null ? null : postmortems.find(form.postmortemId());
        try {
            DebriefView made = debriefs.schedule(
                    form.postmortemId(), form.details(), InviteeLines.read(form.people(), form.emails(), null), me);
            redirect.addFlashAttribute(
                    "notice",
                    "Scheduled. Invitations are on their way to "
                            + made.invitees().size() + (made.invitees().size() == 1 ? " person." : " people."));
            return "redirect:/debriefs/" + made.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            formModel(model, postmortem, debriefs.suggestions(form.postmortemId()), form, errors(e));
            return "debrief/form";
        }
    }

    @GetMapping("/debriefs/{id}")
    @SuppressWarnings("unchecked")
    String show(@PathVariable long id, @AuthenticationPrincipal KintsugiPrincipal me, ModelMap model) {
        DebriefView debrief = debriefs.find(id);
        try {
            room.fill(
                    model, id, me, (Map<String, String>) model.get("kept"), (Map<String, String>) model.get("errors"));
        } catch (RefusedException notInvited) {
            model.addAttribute("room", null);
        }
        model.addAttribute("debrief", debrief);
        model.addAttribute("now", clock.instant());
        model.addAttribute("canEdit", debrief.editableBy(me.id(), me.isAdmin()));
        model.addAttribute("opensIn", opensIn(debrief));
        model.addAttribute("people", active());
        model.addAttribute("mailOn", mailer.enabled());
        return "debrief/show";
    }

    @GetMapping("/debriefs/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal KintsugiPrincipal me, Model model) {
        DebriefView debrief = editable(id, me);
        PostmortemView postmortem = debrief.postmortemId() == null ? null : postmortems.find(debrief.postmortemId());
        formModel(model, postmortem, null, ScheduleForm.of(debrief), null);
        model.addAttribute("debrief", debrief);
        return "debrief/form";
    }

    @PostMapping("/debriefs/{id}")
    String revise(
            @PathVariable long id,
            ScheduleForm form,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        DebriefView current = editable(id, me);
        PostmortemView postmortem = current.postmortemId() == null ? null : postmortems.find(current.postmortemId());
        long version = form.version() == null ? -1 : form.version();
        try {
            DebriefView saved = debriefs.revise(id, version, form.details(), me);
            redirect.addFlashAttribute(
                    "notice",
                    saved.sequence() == current.sequence()
                            ? "Nothing changed."
                            : "Saved. Everyone invited is sent the updated invitation.");
            return "redirect:/debriefs/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            formModel(model, postmortem, null, form, errors(e));
        } catch (StaleVersionException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            formModel(model, postmortem, null, withVersion(form, current.version()), null);
            model.addAttribute(
                    "problem",
                    "Someone changed this debrief while you were editing it: it now starts "
                            + current.localStart().toLocalDateTime() + " "
                            + current.zone().getId() + ", "
                            + current.durationMinutes() + " minutes. Your edit is still in the form; save again to"
                            + " replace theirs with yours.");
        }
        model.addAttribute("debrief", current);
        return "debrief/form";
    }

    @PostMapping("/debriefs/{id}/cancel")
    String cancel(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long version,
            @AuthenticationPrincipal KintsugiPrincipal me,
            RedirectAttributes redirect) {
        debriefs.cancel(id, version, me);
        redirect.addFlashAttribute("notice", "Cancelled. Everyone invited is sent a cancellation.");
        return "redirect:/debriefs/" + id;
    }

    @PostMapping("/debriefs/{id}/invitees")
    String invite(
            @PathVariable long id,
            InviteForm form,
            @AuthenticationPrincipal KintsugiPrincipal me,
            RedirectAttributes redirect) {
        try {
            debriefs.invite(id, InviteeLines.read(form.people(), form.emails(), form.role()), me);
            redirect.addFlashAttribute("notice", "Invited. They are sent the invitation.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "problem",
                    "Nobody was invited: " + String.join("; ", errors(e).values()));
            redirect.addFlashAttribute("inviteEmails", form.emails());
        }
        return "redirect:/debriefs/" + id + "#invitees";
    }

    @PostMapping("/debriefs/{id}/invitees/{inviteeId}/remove")
    String uninvite(
            @PathVariable long id,
            @PathVariable long inviteeId,
            @AuthenticationPrincipal KintsugiPrincipal me,
            RedirectAttributes redirect) {
        debriefs.uninvite(id, inviteeId, me);
        redirect.addFlashAttribute("notice", "Taken off the invitation; they are sent a cancellation.");
        return "redirect:/debriefs/" + id + "#invitees";
    }

    private DebriefView editable(long id, KintsugiPrincipal me) {
        DebriefView debrief = debriefs.find(id);
        if (!debrief.editableBy(me.id(), me.isAdmin())) {
            throw RefusedException.person(
                    "Only the debrief's owner, its facilitator or an administrator may change it.");
        }
        return debrief;
    }

    private void formModel(
            Model model,
            @Nullable PostmortemView postmortem,
            @Nullable InviteeSuggestions suggestions,
            ScheduleForm form,
            @Nullable Map<String, String> errors) {
        model.addAttribute("postmortem", postmortem);
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("people", active());
        model.addAttribute("zones", Zones.all());
        model.addAttribute("durationMin", DebriefDetails.MIN_MINUTES);
        model.addAttribute("durationMax", DebriefDetails.MAX_MINUTES);
    }

    private List<UserView> active() {
        return users.all().stream().filter(UserView::active).toList();
    }

    private static Map<String, String> errors(InvalidInputException e) {
        Map<String, String> byField = new LinkedHashMap<>();
        e.problems()
                .forEach(p -> byField.merge(InviteeLines.formField(p.field()), p.message(), (a, b) -> a + "; " + b));
        return byField;
    }

    private static ScheduleForm withVersion(ScheduleForm f, long version) {
        return new ScheduleForm(
                f.postmortemId(),
                f.title(),
                f.date(),
                f.time(),
                f.zone(),
                f.durationMinutes(),
                f.meetingLink(),
                f.facilitatorId(),
                f.people(),
                f.emails(),
                version);
    }

    /** Say how long until the room opens, in words: "in 3 days", "in 2 hours", "in 12 minutes". */
    private String opensIn(DebriefView debrief) {
        long minutes = ChronoUnit.MINUTES.between(clock.instant(), debrief.startsAt());
        if (minutes >= 2 * 24 * 60) {
            return "in " + minutes / (24 * 60) + " days";
        }
        if (minutes >= 120) {
            return "in " + minutes / 60 + " hours";
        }
        return minutes <= 1 ? "in a minute" : "in " + minutes + " minutes";
    }
}
