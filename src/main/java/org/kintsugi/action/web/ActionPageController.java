package org.kintsugi.action.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionDetails;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionType;
import org.kintsugi.action.ActionView;
import org.kintsugi.action.Priority;
import org.kintsugi.action.tracker.TrackerConfiguration;
import org.kintsugi.action.tracker.TrackerSync;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.UserView;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemPart;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.WritingAid;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An action item's own page: its facts, sub-steps, history and every step it can take next; and editing it. */
@Controller
class ActionPageController {

    private final ActionManagement actions;
    private final PostmortemManagement postmortems;
    private final UserManagement users;
    private final TrackerSync trackers;
    private final TrackerConfiguration trackerSettings;
    private final Clock clock;
    private final ObjectProvider<WritingAid> writingAids;

    ActionPageController(
            ActionManagement actions,
            PostmortemManagement postmortems,
            UserManagement users,
            TrackerSync trackers,
            TrackerConfiguration trackerSettings,
            Clock clock,
            ObjectProvider<WritingAid> writingAids) {
        this.trackers = trackers;
        this.trackerSettings = trackerSettings;
        this.actions = actions;
        this.postmortems = postmortems;
        this.users = users;
        this.clock = clock;
        this.writingAids = writingAids;
    }

    @GetMapping("/actions/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal KintsugiPrincipal me, Model model) {
        ActionView item = actions.find(id);
        describe(item, me, model);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", EditForm.of(item));
        }
        return "action/show";
    }

    @PostMapping("/actions/{id}")
    String edit(
            @PathVariable long id,
            EditForm form,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model,
            jakarta.servlet.http.HttpServletResponse response,
            RedirectAttributes redirect) {
        ActionView current = actions.find(id);
        try {
            actions.revise(id, form.version(), form.details(current), form.ownerId(), author);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            describe(current, me, model);
            model.addAttribute("form", form);
            model.addAttribute("errors", e.byField());
            return "action/show";
        } catch (StaleVersionException e) {
            // Someone saved first: show what they saved, keep this person's edit, and let them save over it knowingly.
            response.setStatus(HttpStatus.CONFLICT.value());
            describe(current, me, model);
            model.addAttribute("form", form.withVersion(current.version()));
            model.addAttribute(
                    "problem",
                    "Someone changed this item while you were editing it. The page now shows their version; your"
                            + " edit is still in the form below. Save again to replace theirs with yours.");
            return "action/show";
        }
        redirect.addFlashAttribute("notice", "Saved.");
        return "redirect:/actions/" + id;
    }

    private void describe(ActionView item, KintsugiPrincipal me, Model model) {
        PostmortemView postmortem = postmortems.find(item.postmortemId());
        List<ActionView> all = actions.forPostmortem(item.postmortemId());
        model.addAttribute("item", item);
        model.addAttribute("postmortem", postmortem);
        model.addAttribute("history", actions.history(item.id()));
        model.addAttribute(
                "subSteps",
                all.stream()
                        .filter(a -> Long.valueOf(item.id()).equals(a.parentId()))
                        .toList());
        model.addAttribute("parent", related(all, item.parentId()));
        model.addAttribute("followedUp", related(all, item.followUpOf()));
        model.addAttribute(
                "followUps",
                all.stream()
                        .filter(a -> Long.valueOf(item.id()).equals(a.followUpOf()))
                        .toList());
        model.addAttribute("now", clock.instant());
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        model.addAttribute("zone", me.zone());
        model.addAttribute("isPostmortemOwner", postmortem.owner().id() == me.id());
        model.addAttribute("people", people());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("types", ActionType.values());
        model.addAttribute(
                "defaultDue",
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(14));
        model.addAttribute("trackerLink", trackers.linkFor(item.id()).orElse(null));
        model.addAttribute("trackers", trackerSettings.usable());
        writingAids(item, me, model);
    }

    /**
     * Add what the writing aids show: beside the title and description as someone edits them, and on the saved title
     * and description for the members who may still change the item (as a postmortem's writers and reviewers see its
     * saved text marked); a closed item is the record, shown as written.
     */
    private void writingAids(ActionView item, KintsugiPrincipal me, Model model) {
        List<WritingAid> all = writingAids.orderedStream().toList();
        model.addAttribute(
                "editorAids", all.stream().flatMap(a -> a.editor().stream()).toList());
        Map<String, PostmortemPart.Fragment> texts = new HashMap<>();
        if (me.canWrite() && item.status().open()) {
            for (WritingAid aid : all) {
                aid.inText("action-title", item.title()).ifPresent(f -> texts.putIfAbsent("action-title", f));
                if (!item.description().isBlank()) {
                    aid.inText("action-description", item.description())
                            .ifPresent(f -> texts.putIfAbsent("action-description", f));
                }
            }
        }
        model.addAttribute("textAids", texts);
    }

    private static @Nullable ActionView related(List<ActionView> all, @Nullable Long id) {
        return id == null
                ? null
                : all.stream().filter(a -> a.id() == id).findFirst().orElse(null);
    }

    List<UserView> people() {
        return users.all().stream()
                .filter(u -> u.active() && u.role() != Role.VIEWER)
                .toList();
    }

    @PostMapping("/actions/{id}/follow-up")
    String followUp(
            @PathVariable long id, ActionController.ProposalForm form, Author author, RedirectAttributes redirect) {
        try {
            ActionView created = actions.followUp(id, form.details(), form.ownerId(), author);
            redirect.addFlashAttribute("notice", "Proposed a follow-up: \"" + created.title() + "\".");
            return "redirect:/actions/" + created.id();
        } catch (InvalidInputException | RefusedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/actions/" + id;
        }
    }

    /** The edit form as posted, strings kept as typed so a bad value is shown back. */
    record EditForm(
            @Nullable String title,
            @Nullable String description,
            @Nullable Long ownerId,
            @Nullable String dueDate,
            @Nullable String priority,
            @Nullable String type,
            @Nullable String verification,
            long version) {

        static EditForm of(ActionView item) {
            return new EditForm(
                    item.title(),
                    item.description(),
                    item.owner().id(),
                    item.dueDate().toString(),
                    item.priority().name(),
                    item.type().name(),
                    item.verification(),
                    item.version());
        }

        EditForm withVersion(long newer) {
            return new EditForm(title, description, ownerId, dueDate, priority, type, verification, newer);
        }

        ActionDetails details(ActionView current) {
            return ActionInput.details(title, description, dueDate, priority, type, verification, current);
        }
    }
}
