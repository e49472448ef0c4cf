package org.kintsugi.action.web;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.tracker.TrackerConfiguration;
import org.kintsugi.action.tracker.TrackerLinkView;
import org.kintsugi.action.tracker.TrackerSync;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An action item's tracker panel: its ticket, or why it is not there yet, and the button that sends the item. A form
 * post goes back to the page it came from; an htmx post gets the panel.
 */
@Controller
class TrackerController {

    static final String PANEL = "action/fragments/tracker :: panel(item=${item}, link=${link}, trackers=${trackers})";

    private final TrackerSync sync;
    private final TrackerConfiguration configuration;
    private final ActionManagement actions;

    TrackerController(TrackerSync sync, TrackerConfiguration configuration, ActionManagement actions) {
        this.sync = sync;
        this.configuration = configuration;
        this.actions = actions;
    }

    @GetMapping("/actions/{id}/tracker")
    String panel(@PathVariable long id, Model model) {
        fill(id, model);
        return PANEL;
    }

    @PostMapping("/actions/{id}/tracker")
    String send(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String tracker,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(name = "Referer", required = false) @Nullable String referer,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model,
            RedirectAttributes redirect) {
        actions.find(id);
        String notice = null;
        String problem = null;
        try {
            TrackerLinkView link = sync.send(id, TrackerForms.kind(tracker), author);
            String label = link.tracker().label();
            switch (link.state()) {
                case SENT -> notice = "Sent to " + label + " as " + link.key() + ".";
                case PENDING ->
                    notice = label + " could not take it just now. Kintsugi keeps the request and tries again at "
                            + when(link, me) + ".";
                case FAILED -> problem = label + " refused the ticket: " + link.lastError();
            }
        } catch (InvalidInputException | RefusedException e) {
            problem = e.getMessage();
        }
        if (htmx != null) {
            fill(id, model);
            model.addAttribute("trackerNotice", notice);
            model.addAttribute("trackerProblem", problem);
            return PANEL;
        }
        redirect.addFlashAttribute("trackerNotice", notice);
        redirect.addFlashAttribute("trackerProblem", problem);
        return "redirect:" + back(referer, id);
    }

    private void fill(long id, Model model) {
        model.addAttribute("item", actions.find(id));
        model.addAttribute("link", sync.linkFor(id).orElse(null));
        model.addAttribute("trackers", configuration.usable());
    }

    private static String when(TrackerLinkView link, KintsugiPrincipal me) {
        return link.nextAttemptAt() == null
                ? "the next round"
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)
                        .withZone(me.zone())
                        .format(link.nextAttemptAt());
    }

    /** Go back to the page the form was on (its path only, never another site), else to the item. */
    static String back(@Nullable String referer, long id) {
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                String path = uri.getRawPath();
                if (path != null && path.startsWith("/") && !path.startsWith("//")) {
                    return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                }
            } catch (IllegalArgumentException e) {
                // An unreadable Referer: go to the item.
            }
        }
        return "/actions/" + id;
    }
}
