package org.kintsugi.action.web;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The action items on a postmortem's page: propose, commit, start, complete, verify and drop them. */
@Controller
class ActionController {

    private final ActionManagement actions;

    ActionController(ActionManagement actions) {
        this.actions = actions;
    }

    @PostMapping("/postmortems/{id}/actions")
    String propose(
            @PathVariable long id,
            ProposalForm form,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            RedirectAttributes redirect) {
        try {
            ActionView item = actions.propose(id, form.parentId(), form.details(), form.ownerId(), null, author);
            String soaked = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)
                    .withZone(me.zone())
                    .format(item.soakedAt());
            redirect.addFlashAttribute(
                    "notice", "Proposed \"" + item.title() + "\". It can be committed from " + soaked + ".");
        } catch (InvalidInputException | RefusedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/postmortems/" + id + "#action-items";
    }

    @PostMapping("/actions/{id}/{step}")
    String step(
            @PathVariable long id,
            @PathVariable String step,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String evidence,
            @RequestParam(required = false) @Nullable Boolean effective,
            @RequestParam(required = false) @Nullable String back,
            @RequestParam(defaultValue = "reopen") String then,
            @RequestParam(required = false) @Nullable String outcome,
            Author author,
            RedirectAttributes redirect) {
        long postmortemId = actions.find(id).postmortemId();
        var actor = author;
        try {
            ActionView item = switch (step) {
                case "commit" -> actions.commit(id, actor, reason);
                case "start" -> actions.start(id, actor);
                case "complete" -> actions.complete(id, actor);
                case "drop" -> actions.drop(id, reason == null ? "" : reason, actor);
                case "reopen" -> actions.reopen(id, actor);
                case "verify" ->
                    outcome == null
                            ? verify(id, Boolean.TRUE.equals(effective), evidence, then, actor)
                            : verify(id, outcome.equals("effective"), evidence, outcome, actor);
                default -> throw new org.kintsugi.shared.NotFoundException("There is no step " + step + ".");
            };
            redirect.addFlashAttribute(
                    "notice",
                    "\"" + item.title() + "\" is " + item.status().label().toLowerCase() + ".");
        } catch (InvalidInputException | RefusedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        if ("follow-up".equals(outcome)) {
            return "redirect:/actions/" + id + "#follow-heading"; // where the follow-up is proposed
        }
        return "redirect:" + back(back, "/postmortems/" + postmortemId + "#action-" + id);
    }

    /** Go back to the page a form came from, when it is one of Kintsugi's own. */
    static String back(@Nullable String back, String otherwise) {
        return back != null && back.startsWith("/") && !back.startsWith("//") ? back : otherwise;
    }

    private ActionView verify(
            long id, boolean effective, @Nullable String evidence, String then, org.kintsugi.postmortem.Author actor) {
        ActionView verified = actions.verify(id, effective, evidence == null ? "" : evidence, actor);
        // Not effective: reopen it, or leave it not effective so a follow-up item can take over.
        return effective || then.equals("follow-up") ? verified : actions.reopen(id, actor);
    }

    /** A new action item as its form sends it, strings kept as typed; a follow-up has no parent. */
    record ProposalForm(
            @Nullable String title,
            @Nullable Long ownerId,
            @Nullable String dueDate,
            @Nullable String priority,
            @Nullable String type,
            @Nullable String verification,
            @Nullable Long parentId) {

        ActionDetails details() {
            return ActionInput.details(
                    title == null ? "" : title,
                    "",
                    dueDate,
                    priority,
                    type,
                    verification == null ? "" : verification,
                    null);
        }
    }
}
