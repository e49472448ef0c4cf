package org.kintsugi.action.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.tracker.TrackerConfiguration;
import org.kintsugi.action.tracker.TrackerKind;
import org.kintsugi.action.tracker.TrackerSettingsChange;
import org.kintsugi.action.tracker.TrackerSettingsView;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators set up GitHub, GitLab and Jira: where each lives, the token, the target, the webhook secret. */
@Controller
@RequestMapping("/admin/trackers")
class TrackerAdminController {

    private final TrackerConfiguration configuration;
    private final String baseUrl;

    TrackerAdminController(
            TrackerConfiguration configuration, @Value("${kintsugi.base-url:http://localhost:8080}") String baseUrl) {
        this.configuration = configuration;
        this.baseUrl = baseUrl;
    }

    /**
     * One tracker's form: what is stored, or what the person typed when it was refused. Never the token or secret.
     */
    record Form(
            TrackerKind tracker,
            boolean enabled,
            String baseUrl,
            String account,
            String target,
            String issueType,
            boolean tokenSet,
            boolean webhookSecretSet,
            boolean usable,
            String webhookUrl,
            Map<String, String> errors) {

        /** Return the message for a field, or null; templates call it as {@code f.error('token')}. */
        public @Nullable String error(String field) {
            return errors.get(field);
        }
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("forms", forms(null));
        return "action/admin/trackers";
    }

    @PostMapping("/{tracker}")
    String save(
            @PathVariable String tracker,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "") String baseUrl,
            @RequestParam(defaultValue = "") String account,
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String issueType,
            @RequestParam(defaultValue = "") String webhookSecret,
            Author author,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        TrackerKind kind = TrackerKind.fromCode(tracker)
                .orElseThrow(() -> new NotFoundException("There is no tracker " + tracker + "."));
        var change = new TrackerSettingsChange(enabled, baseUrl, account, token, target, issueType, webhookSecret);
        try {
            TrackerSettingsView saved = configuration.change(kind, change, author);
            redirect.addFlashAttribute(
                    "notice",
                    saved.usable()
                            ? kind.label() + " is set up: action items can be sent to it."
                            : "Saved. " + kind.label() + " is not in use until it is switched on with a token.");
            return "redirect:/admin/trackers#" + kind.code();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            TrackerSettingsView stored = configuration.find(kind);
            Form typed = new Form(
                    kind,
                    enabled,
                    baseUrl,
                    account,
                    target,
                    issueType,
                    stored.tokenSet(),
                    stored.webhookSecretSet(),
                    stored.usable(),
                    TrackerForms.webhookUrl(this.baseUrl, kind),
                    e.byField());
            model.addAttribute("forms", forms(typed));
            model.addAttribute("problem", "Some fields need attention; each is marked below.");
            return "action/admin/trackers";
        }
    }

    private List<Form> forms(@Nullable Form typed) {
        return configuration.all().stream()
                .map(view -> typed != null && typed.tracker() == view.tracker() ? typed : form(view))
                .toList();
    }

    private Form form(TrackerSettingsView view) {
        return new Form(
                view.tracker(),
                view.enabled(),
                view.baseUrl(),
                view.account(),
                view.target(),
                view.issueType(),
                view.tokenSet(),
                view.webhookSecretSet(),
                view.usable(),
                TrackerForms.webhookUrl(baseUrl, view.tracker()),
                Map.of());
    }
}
