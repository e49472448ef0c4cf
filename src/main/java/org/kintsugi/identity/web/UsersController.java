package org.kintsugi.identity.web;

import org.kintsugi.identity.NewUser;
import org.kintsugi.identity.Role;
import org.kintsugi.identity.UserManagement;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators add people, change their roles, and deactivate them. */
@Controller
@RequestMapping("/admin/users")
class UsersController {

    private final UserManagement users;

    UsersController(UserManagement users) {
        this.users = users;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new UserForm("", "", "", Role.MEMBER));
        }
        model.addAttribute("users", users.all());
        model.addAttribute("roles", Role.values());
        return "identity/users";
    }

    @PostMapping
    String add(@ModelAttribute("form") UserForm form, Model model, RedirectAttributes redirect) {
        try {
            var user = users.add(new NewUser(form.email(), form.displayName(), form.password(), form.role()));
            redirect.addFlashAttribute(
                    "notice",
                    "Added " + user.displayName() + " as " + user.role().label() + ".");
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            return list(model);
        }
    }

    @PostMapping("/{id}/role")
    String changeRole(@PathVariable long id, @RequestParam Role role, RedirectAttributes redirect) {
        return act(redirect, () -> users.changeRole(id, role).displayName() + " is now " + role.label() + ".");
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, () -> users.deactivate(id).displayName() + " can no longer sign in.");
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, () -> users.activate(id).displayName() + " can sign in again.");
    }

    private String act(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().message());
        }
        return "redirect:/admin/users";
    }

    record UserForm(String email, String displayName, String password, Role role) {}
}
