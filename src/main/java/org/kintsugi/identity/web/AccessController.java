package org.kintsugi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.identity.signin.SignInPolicy;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Zones;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Sign-in and the first-run set-up page that creates the administrator. */
@Controller
class AccessController {

    private final UserManagement users;
    private final SessionSignIn sessions;
    private final SignInPolicy signInPolicy;

    AccessController(UserManagement users, SessionSignIn sessions, SignInPolicy signInPolicy) {
        this.users = users;
        this.sessions = sessions;
        this.signInPolicy = signInPolicy;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/incidents";
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockMinutes", signInPolicy.lockDuration().toMinutes());
        return users.needsSetup() ? "redirect:/setup" : "identity/login";
    }

    @GetMapping("/setup")
    String setup(Model model) {
        if (!users.needsSetup()) {
            return "redirect:/login";
        }
        model.addAttribute("form", new SetupForm("", "", "", "UTC"));
        model.addAttribute("zones", Zones.all());
        return "identity/setup";
    }

    @PostMapping("/setup")
    String createAdmin(
            @ModelAttribute("form") SetupForm form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!users.needsSetup()) {
            return "redirect:/login";
        }
        try {
            var admin = users.createFirstAdmin(
                    form.email(), form.displayName(), form.password(), UserManagement.zone(form.zone()));
            sessions.signIn(admin.email(), request, response);
            return "redirect:/incidents";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            model.addAttribute("zones", Zones.all());
            return "identity/setup";
        }
    }

    record SetupForm(String email, String displayName, String password, String zone) {}
}
