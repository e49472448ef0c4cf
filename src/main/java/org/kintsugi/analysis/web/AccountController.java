package org.kintsugi.analysis.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.account.AccountManagement;
import org.kintsugi.analysis.account.AccountView;
import org.kintsugi.analysis.account.EntryKind;
import org.kintsugi.analysis.account.EntryView;
import org.kintsugi.analysis.coach.Highlighted;
import org.kintsugi.analysis.coach.LanguageCoach;
import org.kintsugi.analysis.coach.LanguageReview;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Markdown;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.RefusedException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Personal accounts on the web: write your own (narrative and entries, with the language coach's notes), share it or
 * take it back, and read the accounts others shared. Someone else's draft is not found, as in the API.
 */
@Controller
class AccountController {

    private final AccountManagement accounts;
    private final PostmortemManagement postmortems;
    private final LanguageCoach coach;
    private final Clock clock;

    AccountController(AccountManagement accounts, PostmortemManagement postmortems, LanguageCoach coach, Clock clock) {
        this.accounts = accounts;
        this.postmortems = postmortems;
        this.coach = coach;
        this.clock = clock;
    }

    /** A narrative save that met a newer version: what this person typed, and the version to save over. */
    public record Conflict(String mine, long version) {}

    @GetMapping("/postmortems/{id}/accounts/mine")
    String mine(@PathVariable long id, @AuthenticationPrincipal KintsugiPrincipal me, Model model) {
        return minePage(model, id, me, null);
    }

    @GetMapping("/postmortems/{id}/accounts/{accountId}")
    String show(
            @PathVariable long id,
            @PathVariable long accountId,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model) {
        AccountView account = accounts.find(id, accountId, me.id());
        model.addAttribute("p", postmortems.find(id));
        model.addAttribute("account", account);
        model.addAttribute("narrative", Markdown.toHtml(account.narrative()));
        model.addAttribute("zone", me.zone());
        return "analysis/account/show";
    }

    @PostMapping("/postmortems/{id}/accounts/mine")
    String write(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long version,
            @RequestParam(defaultValue = "") String narrative,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            Optional<AccountView> mine = accounts.mine(id, me.id());
            if (mine.isEmpty()) {
                accounts.start(id, author, narrative, List.of());
            } else if (version == null) {
                // The form was opened before the account was started elsewhere: what is saved now is news to them.
                throw new StaleVersionException("Your account", 0, mine.get().version());
            } else {
                accounts.write(id, mine.get().id(), author, version, narrative);
            }
            redirect.addFlashAttribute("notice", "Saved your narrative.");
            return "redirect:/postmortems/" + id + "/accounts/mine#narrative-section";
        } catch (StaleVersionException e) {
            // Keep what this person wrote beside what was saved meanwhile; saving again is a deliberate choice.
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", new Conflict(narrative, e.current()));
            return minePage(model, id, me, narrative);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("narrativeErrors", e.byField());
            model.addAttribute("typedVersion", version);
            return minePage(model, id, me, narrative);
        } catch (RefusedException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("typedVersion", version);
            return minePage(model, id, me, narrative);
        }
    }

    @PostMapping("/postmortems/{id}/accounts/mine/entries")
    String addEntry(
            @PathVariable long id,
            @ModelAttribute("entry") EntryForm form,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            Optional<AccountView> mine = accounts.mine(id, me.id());
            if (mine.isEmpty()) {
                accounts.start(id, author, "", List.of(form.draft()));
            } else {
                accounts.addEntry(id, mine.get().id(), author, null, form.draft());
            }
            redirect.addFlashAttribute("notice", "Added the entry.");
            return "redirect:/postmortems/" + id + "/accounts/mine#entries";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("entryErrors", e.byField());
            return minePage(model, id, me, null);
        } catch (RefusedException e) {
            // Keep the entry as typed, so nothing is lost while the refusal is read.
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", e.getMessage());
            return minePage(model, id, me, null);
        }
    }

    @PostMapping("/postmortems/{id}/accounts/mine/entries/{entryId}")
    String reviseEntry(
            @PathVariable long id,
            @PathVariable long entryId,
            @ModelAttribute EntryForm form,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            accounts.reviseEntry(id, mineId(id, me), entryId, author, null, form.draft());
            redirect.addFlashAttribute("notice", "Saved the entry.");
            return "redirect:/postmortems/" + id + "/accounts/mine#entry-" + entryId;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("editErrors", e.byField());
            return editing(model, id, me, entryId, form);
        } catch (RefusedException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", e.getMessage());
            return editing(model, id, me, entryId, form);
        }
    }

    @PostMapping("/postmortems/{id}/accounts/mine/entries/{entryId}/remove")
    String removeEntry(
            @PathVariable long id,
            @PathVariable long entryId,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            RedirectAttributes redirect) {
        accounts.removeEntry(id, mineId(id, me), entryId, author, null);
        redirect.addFlashAttribute("notice", "Removed the entry.");
        return "redirect:/postmortems/" + id + "/accounts/mine#entries";
    }

    @PostMapping("/postmortems/{id}/accounts/mine/share")
    String share(
            @PathVariable long id,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            RedirectAttributes redirect) {
        accounts.share(id, mineId(id, me), author, null);
        redirect.addFlashAttribute(
                "notice",
                "Shared your account: everyone who reads the postmortem sees it, its entries on the timeline.");
        return "redirect:/postmortems/" + id + "/accounts/mine";
    }

    @PostMapping("/postmortems/{id}/accounts/mine/unshare")
    String unshare(
            @PathVariable long id,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            RedirectAttributes redirect) {
        accounts.unshare(id, mineId(id, me), author, null);
        redirect.addFlashAttribute("notice", "Your account is a private draft again; only you can see it.");
        return "redirect:/postmortems/" + id + "/accounts/mine";
    }

    @PostMapping("/postmortems/{id}/accounts/mine/delete")
    String delete(
            @PathVariable long id,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            RedirectAttributes redirect) {
        accounts.delete(id, mineId(id, me), author);
        redirect.addFlashAttribute("notice", "Deleted your draft account.");
        return "redirect:/postmortems/" + id + "#section-participants-accounts";
    }

    /** Show the page with an entry's form open as typed, beside what went wrong. */
    private String editing(Model model, long id, KintsugiPrincipal me, long entryId, EntryForm form) {
        model.addAttribute("editing", entryId);
        model.addAttribute("editForm", form);
        return minePage(model, id, me, null);
    }

    private long mineId(long postmortemId, KintsugiPrincipal me) {
        return accounts.mine(postmortemId, me.id())
                .orElseThrow(() -> new NotFoundException("You have not started an account of this postmortem."))
                .id();
    }

    /** Fill the page of one's own account; {@code typed} is narrative text to show instead of the saved one. */
    private String minePage(Model model, long id, KintsugiPrincipal me, @Nullable String typed) {
        if (!me.canWrite()) {
            throw new AccessDeniedException("Viewers read the shared accounts; writing one takes a member's role.");
        }
        PostmortemView p = postmortems.find(id);
        Optional<AccountView> account = accounts.mine(id, me.id());
        String narrative =
                typed != null ? typed : account.map(AccountView::narrative).orElse("");
        model.addAttribute("p", p);
        model.addAttribute("account", account.orElse(null));
        model.addAttribute("narrative", narrative);
        LanguageReview review = coach.review(narrative);
        model.addAttribute("narrativeCoach", Highlighted.of(review));
        model.addAttribute("narrativeScore", review.score());
        List<EntryView> entries = account.map(AccountView::entries).orElse(List.of());
        model.addAttribute("entries", entries);
        model.addAttribute(
                "entryCoach",
                entries.stream()
                        .collect(Collectors.toMap(EntryView::id, e -> Highlighted.whole(coach.review(e.text())))));
        model.addAttribute(
                "entryForms",
                entries.stream().collect(Collectors.toMap(EntryView::id, e -> EntryForm.of(e, me.zone()))));
        if (!model.containsAttribute("entry")) {
            model.addAttribute("entry", EntryForm.blank(me.zone(), clock.instant()));
        }
        model.addAttribute("kinds", EntryKind.values());
        model.addAttribute("zone", me.zone());
        return "analysis/account/mine";
    }
}
