package org.kintsugi.postmortem.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.Severity;
import org.kintsugi.postmortem.Author;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.postmortem.PostmortemStatus;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.review.PostmortemReview;
import org.kintsugi.postmortem.revision.PostmortemRevisions;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Markdown;
import org.kintsugi.shared.RefusedException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The postmortem page: start one from an incident, write its sections, share it, review and publish it. */
@Controller
class PostmortemController {

    private final PostmortemManagement postmortems;
    private final PostmortemReview review;
    private final PostmortemPage page;
    private final PostmortemDocuments documents;
    private final PostmortemRevisions revisions;
    private final IncidentManagement incidents;
    private final Clock clock;

    PostmortemController(
            PostmortemManagement postmortems,
            PostmortemReview review,
            PostmortemPage page,
            PostmortemDocuments documents,
            PostmortemRevisions revisions,
            IncidentManagement incidents,
            Clock clock) {
        this.postmortems = postmortems;
        this.review = review;
        this.page = page;
        this.documents = documents;
        this.revisions = revisions;
        this.incidents = incidents;
        this.clock = clock;
    }

    @PostMapping("/incidents/{key}/postmortem")
    String start(
            @PathVariable String key,
            @RequestParam(required = false) @Nullable Long templateId,
            Author author,
            RedirectAttributes redirect) {
        try {
            PostmortemView started = postmortems.start(key, templateId, author);
            redirect.addFlashAttribute("notice", "Started the postmortem of " + key + ".");
            return "redirect:/postmortems/" + started.id();
        } catch (RefusedException | InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/incidents/" + key;
        }
    }

    @GetMapping("/postmortems")
    String list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String due,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model) {
        try {
            model.addAttribute("page", postmortems.list(PostmortemFilters.read(status, due, severity, team, page, 25)));
        } catch (InvalidInputException e) {
            model.addAttribute("page", Page.empty());
            model.addAttribute("problem", e.getMessage());
        }
        model.addAttribute("statuses", PostmortemStatus.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("knownTeams", incidents.teams());
        model.addAttribute("zone", me.zone());
        model.addAttribute("now", clock.instant());
        return htmx != null ? "postmortem/list :: results" : "postmortem/list";
    }

    @GetMapping("/postmortems/{id}/revisions")
    String compare(@PathVariable long id, @RequestParam int from, @RequestParam int to, Model model) {
        var sections = revisions.compare(id, from, to);
        model.addAttribute("p", postmortems.find(id));
        model.addAttribute("revisions", revisions.list(id));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("sections", sections);
        model.addAttribute("changed", sections.stream().filter(s -> s.changed()).count());
        return "postmortem/compare";
    }

    @GetMapping("/postmortems/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(name = "events", defaultValue = "1") int events,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model) {
        page.fill(model, id, me, events);
        return "postmortem/show";
    }

    @PostMapping("/postmortems/{id}/sections/{key}")
    String write(
            @PathVariable long id,
            @PathVariable String key,
            @RequestParam long version,
            @RequestParam String body,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            PostmortemView.Section saved = postmortems.write(id, key, version, body, me.displayName());
            redirect.addFlashAttribute("notice", "Saved " + saved.heading() + ".");
            return "redirect:/postmortems/" + id + "#section-" + key;
        } catch (StaleVersionException e) {
            // Keep what this person wrote beside what was saved meanwhile; saving again is a deliberate merge.
            response.setStatus(HttpStatus.CONFLICT.value());
            page.fill(model, id, me);
            model.addAttribute("conflict", new SectionConflict(key, body, e.current()));
            return "postmortem/show";
        } catch (ConcurrencyFailureException e) {
            // Another save of the same version reached the database first: the same case, noticed at commit.
            response.setStatus(HttpStatus.CONFLICT.value());
            page.fill(model, id, me);
            long current = postmortems.find(id).sections().stream()
                    .filter(s -> s.key().equals(key))
                    .mapToLong(PostmortemView.Section::version)
                    .findFirst()
                    .orElse(version);
            model.addAttribute("conflict", new SectionConflict(key, body, current));
            return "postmortem/show";
        } catch (InvalidInputException | RefusedException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            page.fill(model, id, me);
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("conflict", new SectionConflict(key, body, version));
            return "postmortem/show";
        }
    }

    /** A section save that met a newer version: what this person typed, and the version to save over. */
    public record SectionConflict(String key, String mine, long version) {}

    @PostMapping("/postmortems/{id}/sections/{key}/preview")
    @ResponseBody
    String preview(@RequestParam(defaultValue = "") String body) {
        return body.isBlank() ? "<p class=\"muted\">Nothing to preview yet.</p>" : Markdown.toHtml(body);
    }

    @PostMapping("/postmortems/{id}/submit")
    String submit(@PathVariable long id, Author author, RedirectAttributes redirect) {
        try {
            review.submit(id, author);
            redirect.addFlashAttribute("notice", "Submitted for review.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "missing", e.problems().stream().map(p -> p.message()).toList());
        }
        return "redirect:/postmortems/" + id;
    }

    @PostMapping("/postmortems/{id}/withdraw")
    String withdraw(@PathVariable long id, Author author, RedirectAttributes redirect) {
        review.withdraw(id, author);
        redirect.addFlashAttribute("notice", "Back to draft.");
        return "redirect:/postmortems/" + id;
    }

    @PostMapping("/postmortems/{id}/approve")
    String approve(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable List<String> checked,
            @RequestParam(defaultValue = "") String comment,
            Author author,
            RedirectAttributes redirect) {
        PostmortemView approved = review.approve(id, author, checked == null ? List.of() : checked, comment);
        redirect.addFlashAttribute(
                "notice", approved.status().code().equals("approved") ? "Approved." : "Approval recorded.");
        return "redirect:/postmortems/" + id;
    }

    @PostMapping("/postmortems/{id}/request-changes")
    String requestChanges(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String comment,
            Author author,
            RedirectAttributes redirect) {
        review.requestChanges(id, author, comment);
        redirect.addFlashAttribute("notice", "Changes requested; it is a draft again.");
        return "redirect:/postmortems/" + id;
    }

    @PostMapping("/postmortems/{id}/publish")
    String publish(@PathVariable long id, Author author, RedirectAttributes redirect) {
        review.publish(id, author);
        redirect.addFlashAttribute("notice", "Published.");
        return "redirect:/postmortems/" + id;
    }

    @PostMapping("/postmortems/{id}/amend")
    String amend(@PathVariable long id, Author author, RedirectAttributes redirect) {
        PostmortemView amended = review.amend(id, author);
        redirect.addFlashAttribute("notice", "Started revision " + amended.revision() + " as a draft.");
        return "redirect:/postmortems/" + id;
    }

    @PostMapping("/postmortems/{id}/co-authors")
    String addCoAuthor(@PathVariable long id, @RequestParam long userId, Author author, RedirectAttributes redirect) {
        postmortems.addCoAuthor(id, userId, author);
        redirect.addFlashAttribute("notice", "Added a co-author.");
        return "redirect:/postmortems/" + id;
    }

    @PostMapping("/postmortems/{id}/co-authors/{userId}/remove")
    String removeCoAuthor(
            @PathVariable long id, @PathVariable long userId, Author author, RedirectAttributes redirect) {
        postmortems.removeCoAuthor(id, userId, author);
        redirect.addFlashAttribute("notice", "Removed a co-author.");
        return "redirect:/postmortems/" + id;
    }

    @PostMapping("/postmortems/{id}/owner")
    String handOver(@PathVariable long id, @RequestParam long userId, Author author, RedirectAttributes redirect) {
        PostmortemView handed = postmortems.handOver(id, userId, author);
        redirect.addFlashAttribute("notice", handed.owner().name() + " owns this postmortem now.");
        return "redirect:/postmortems/" + id;
    }

    @GetMapping("/postmortems/{id}/export")
    DeferredResult<ResponseEntity<byte[]>> export(
            @PathVariable long id,
            @RequestParam(defaultValue = "pdf") String format,
            @AuthenticationPrincipal KintsugiPrincipal me) {
        return documents.export(id, format, me.id());
    }
}
