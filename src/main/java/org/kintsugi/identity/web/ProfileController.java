package org.kintsugi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.identity.TokenManagement;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Zones;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own settings: time zone and personal API tokens. */
@Controller
@RequestMapping("/profile")
class ProfileController {

    private final UserManagement users;
    private final TokenManagement tokens;
    private final SessionSignIn sessions;

    ProfileController(UserManagement users, TokenManagement tokens, SessionSignIn sessions) {
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @GetMapping
    String show(@AuthenticationPrincipal KintsugiPrincipal me, Model model) {
        model.addAttribute("user", users.find(me.id()));
        model.addAttribute("tokens", tokens.of(me.id()));
        model.addAttribute("zones", Zones.all());
        return "identity/profile";
    }

    @PostMapping("/zone")
    String zone(
            @AuthenticationPrincipal KintsugiPrincipal me,
            @RequestParam String zone,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            users.changeZone(me.id(), zone);
            sessions.signIn(me.email(), request, response);
            redirect.addFlashAttribute("notice", "Times are now shown in " + zone + ".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().message());
        }
        return "redirect:/profile";
    }

    /**
     * Issue a token and show its secret on the page this answer renders, once: a redirect would carry the secret
     * through the session, which lives in the database, so the answer renders the page itself and is never cached.
     */
    @PostMapping("/tokens")
    String issue(
            @AuthenticationPrincipal KintsugiPrincipal me,
            @RequestParam String name,
            Model model,
            HttpServletResponse response) {
        try {
            model.addAttribute("issued", tokens.issue(me.id(), name));
        } catch (InvalidInputException e) {
            model.addAttribute("tokenProblem", e.problems().getFirst().message());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        response.setHeader("Cache-Control", "no-store");
        return show(me, model);
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal KintsugiPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        var token = tokens.revoke(me.id(), id);
        redirect.addFlashAttribute("notice", "Revoked the token " + token.name() + ".");
        return "redirect:/profile#tokens";
    }
}
