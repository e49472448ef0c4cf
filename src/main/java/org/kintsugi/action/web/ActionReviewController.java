package org.kintsugi.action.web;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionStatus;
import org.kintsugi.action.ActionTriage;
import org.kintsugi.action.ActionView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One screen to review a postmortem's proposals once they have soaked: commit, merge two into one, or drop with a
 * reason; and, past the threshold of committed items, choose which matter most.
 */
@Controller
class ActionReviewController {

    private final ActionManagement actions;
    private final ActionTriage triage;
    private final PostmortemManagement postmortems;
    private final Clock clock;

    ActionReviewController(
            ActionManagement actions, ActionTriage triage, PostmortemManagement postmortems, Clock clock) {
        this.actions = actions;
        this.triage = triage;
        this.postmortems = postmortems;
        this.clock = clock;
    }

    @GetMapping("/postmortems/{id}/actions/review")
    String review(@PathVariable long id, @AuthenticationPrincipal KintsugiPrincipal me, Model model) {
        PostmortemView postmortem = postmortems.find(id);
        List<ActionView> top = actions.forPostmortem(id).stream()
                .filter(a -> a.parentId() == null)
                .toList();
        List<ActionView> proposals =
                top.stream().filter(a -> a.status() == ActionStatus.PROPOSED).toList();
        List<ActionView> committed = top.stream()
                .filter(a -> a.status() == ActionStatus.COMMITTED || a.status() == ActionStatus.IN_PROGRESS)
                .toList();
        int threshold = actions.commitThreshold();
        model.addAttribute("postmortem", postmortem);
        model.addAttribute("proposals", proposals);
        model.addAttribute("committed", committed);
        model.addAttribute("threshold", threshold);
        model.addAttribute("overThreshold", committed.size() > threshold);
        model.addAttribute(
                "soakedCount",
                proposals.stream()
                        .filter(a -> !clock.instant().isBefore(a.soakedAt()))
                        .count());
        model.addAttribute("now", clock.instant());
        model.addAttribute("zone", me.zone());
        model.addAttribute("isPostmortemOwner", postmortem.owner().id() == me.id());
        model.addAttribute("back", "/postmortems/" + id + "/actions/review");
        return "action/review";
    }

    @PostMapping("/postmortems/{id}/actions/merge")
    String merge(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long keepId,
            @RequestParam(required = false) @Nullable Long mergeId,
            Author author,
            RedirectAttributes redirect) {
        try {
            if (keepId == null || mergeId == null) {
                throw new InvalidInputException(
                        keepId == null ? "keepId" : "mergeId", "choose the two proposals to merge");
            }
            ActionView kept = triage.merge(keepId, mergeId, author);
            redirect.addFlashAttribute("notice", "Merged into \"" + kept.title() + "\".");
        } catch (InvalidInputException | RefusedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/postmortems/" + id + "/actions/review";
    }

    @PostMapping("/postmortems/{id}/actions/focus")
    String focus(
            @PathVariable long id,
            @RequestParam(name = "keep", required = false) @Nullable List<Long> keep,
            @RequestParam(defaultValue = "lower") String others,
            @RequestParam(defaultValue = "") String reason,
            Author author,
            RedirectAttributes redirect) {
        try {
            boolean drop = others.equals("drop");
            int changed = triage.focus(id, new HashSet<>(keep == null ? List.of() : keep), drop, reason, author);
            redirect.addFlashAttribute(
                    "notice",
                    changed + " other item" + (changed == 1 ? " was " : "s were ")
                            + (drop ? "dropped." : "lowered to P4."));
        } catch (InvalidInputException | RefusedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/postmortems/" + id + "/actions/review";
    }
}
