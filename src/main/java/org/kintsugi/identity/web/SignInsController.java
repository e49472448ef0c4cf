package org.kintsugi.identity.web;

import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.signin.SignInPolicy;
import org.kintsugi.identity.signin.SignInThrottle;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators see recent failed sign-ins and lift locks. */
@Controller
@RequestMapping("/admin/sign-ins")
class SignInsController {

    static final int SHOWN = 200;

    private final SignInThrottle throttle;
    private final SignInPolicy policy;

    SignInsController(SignInThrottle throttle, SignInPolicy policy) {
        this.throttle = throttle;
        this.policy = policy;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("failures", throttle.recent(SHOWN));
        model.addAttribute("policy", policy);
        return "identity/sign-ins";
    }

    @PostMapping("/lift")
    String lift(
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String address,
            RedirectAttributes redirect) {
        try {
            throttle.lift(email, address);
            redirect.addFlashAttribute("notice", "Lifted the lock on " + describe(email, address) + ".");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "Say whose lock to lift: an email or an address.");
        }
        return "redirect:/admin/sign-ins";
    }

    private static String describe(@Nullable String email, @Nullable String address) {
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasAddress = address != null && !address.isBlank();
        if (hasEmail && hasAddress) {
            return email + " and " + address;
        }
        return hasEmail ? email : String.valueOf(address);
    }
}
