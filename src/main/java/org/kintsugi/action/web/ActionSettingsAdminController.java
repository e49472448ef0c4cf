package org.kintsugi.action.web;

import jakarta.servlet.http.HttpServletResponse;
import org.kintsugi.action.settings.ActionPolicy;
import org.kintsugi.action.settings.ActionSettingsView;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins set the soak time, the committed-items threshold, when to verify and when to remind. */
@Controller
@RequestMapping("/admin/follow-through")
class ActionSettingsAdminController {

    private final ActionPolicy policy;

    ActionSettingsAdminController(ActionPolicy policy) {
        this.policy = policy;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("settings", policy.current());
        return "action/admin/settings";
    }

    @PostMapping
    String save(
            @ModelAttribute ActionSettingsView wanted,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            policy.change(wanted);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("settings", wanted);
            model.addAttribute("errors", e.byField());
            return "action/admin/settings";
        }
        redirect.addFlashAttribute("notice", "Saved. The new soak time applies to proposals not yet committed.");
        return "redirect:/admin/follow-through";
    }
}
