package org.kintsugi.sharing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Mailer;
import org.kintsugi.shared.StaleVersionException;
import org.kintsugi.sharing.Scope;
import org.kintsugi.sharing.SubscriptionManagement;
import org.kintsugi.sharing.SubscriptionView;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own subscriptions page (what they are mailed, and their feed's address), and the unsubscribe link of
 * the mails, which works without signing in.
 */
@Controller
class SubscriptionPages {

    private final SubscriptionManagement subscriptions;
    private final Mailer mailer;

    SubscriptionPages(SubscriptionManagement subscriptions, Mailer mailer) {
        this.subscriptions = subscriptions;
        this.mailer = mailer;
    }

    /** What a person chose, as typed: {@code items} separated by commas; {@code version} as they read it. */
    record SubscriptionForm(
            @Nullable String scope,
            @Nullable String items,
            @Nullable Long version) {

        static SubscriptionForm of(SubscriptionView view) {
            return new SubscriptionForm(
                    view.scope().name().toLowerCase(Locale.ROOT), String.join(", ", view.items()), view.version());
        }

        List<String> values() {
            return items == null ? List.of() : Arrays.asList(items.split("[,\\n]"));
        }
    }

    @GetMapping("/profile/subscriptions")
    String page(@AuthenticationPrincipal KintsugiPrincipal me, Model model) {
        SubscriptionView mine = subscriptions.of(me.id());
        return page(model, mine, SubscriptionForm.of(mine), null);
    }

    @PostMapping("/profile/subscriptions")
    String change(
            @AuthenticationPrincipal KintsugiPrincipal me,
            SubscriptionForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            subscriptions.change(
                    me.id(),
                    form.version() == null ? -1L : form.version(),
                    form.scope() == null ? "" : form.scope(),
                    form.values());
            redirect.addFlashAttribute("notice", "Saved: you get what you chose from the next published postmortem.");
            return "redirect:/profile/subscriptions";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, subscriptions.of(me.id()), form, e.byField());
        } catch (StaleVersionException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            SubscriptionView now = subscriptions.of(me.id());
            model.addAttribute(
                    "problem",
                    "Your subscription was changed elsewhere (to \""
                            + now.scope().label()
                            + "\") while this page was open. Your choice is still in the form; save again to keep it.");
            return page(model, now, new SubscriptionForm(form.scope(), form.items(), now.version()), null);
        }
    }

    @PostMapping("/profile/subscriptions/feed-token")
    String newFeedToken(@AuthenticationPrincipal KintsugiPrincipal me, RedirectAttributes redirect) {
        subscriptions.newFeedToken(me.id());
        redirect.addFlashAttribute("notice", "Your feed has a new address; the old one no longer works.");
        return "redirect:/profile/subscriptions#feed";
    }

    @GetMapping("/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, Model model) {
        // Mail scanners open links: only the button below unsubscribes.
        model.addAttribute("token", token);
        return "sharing/unsubscribe";
    }

    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
        boolean done = subscriptions.unsubscribe(token).isPresent();
        if (!done) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("token", token);
        model.addAttribute("done", done);
        return "sharing/unsubscribe";
    }

    private String page(
            Model model, SubscriptionView mine, SubscriptionForm form, @Nullable Map<String, String> errors) {
        model.addAttribute("subscription", mine);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("scopes", Scope.values());
        model.addAttribute("feedUrl", mailer.baseUrl() + "/feeds/postmortems.atom?token=" + mine.feedToken());
        model.addAttribute("mailOn", mailer.enabled());
        return "sharing/subscriptions";
    }
}
