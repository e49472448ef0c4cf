package org.kintsugi.sharing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.NotFoundException;
import org.kintsugi.shared.StaleVersionException;
import org.kintsugi.sharing.ChannelDetails;
import org.kintsugi.sharing.ChannelFormat;
import org.kintsugi.sharing.ChannelManagement;
import org.kintsugi.sharing.ChannelView;
import org.kintsugi.sharing.DeliveryState;
import org.kintsugi.sharing.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators' page of the chat channels: add, change and remove them, send a test message, and see and retry
 * what could not be delivered.
 */
@Controller
@RequestMapping("/admin/sharing")
class SharingAdminPages {

    private final ChannelManagement channels;

    SharingAdminPages(ChannelManagement channels) {
        this.channels = channels;
    }

    /**
     * A channel as typed: {@code items} the chosen severities, teams or services, separated by commas or lines;
     * {@code url} blank on a change to keep the stored address; {@code version} when changing.
     */
    record ChannelForm(
            @Nullable String name,
            @Nullable String format,
            @Nullable String url,
            @Nullable String scope,
            @Nullable String items,
            @Nullable Long version) {

        static ChannelForm fresh() {
            return new ChannelForm("", "slack", "", "all", "", null);
        }

        static ChannelForm of(ChannelView channel) {
            return new ChannelForm(
                    channel.name(),
                    channel.format().name().toLowerCase(java.util.Locale.ROOT),
                    "",
                    channel.scope().name().toLowerCase(java.util.Locale.ROOT),
                    String.join(", ", channel.items()),
                    channel.version());
        }

        ChannelDetails details(boolean urlRequired) {
            List<String> values = items == null ? List.of() : Arrays.asList(items.split("[,\\n]"));
            return ChannelDetails.parse(name, format, url, scope, values, urlRequired);
        }

        ChannelForm withVersion(long current) {
            return new ChannelForm(name, format, url, scope, items, current);
        }
    }

    @GetMapping
    String page(Model model) {
        return page(model, ChannelForm.fresh(), null, null);
    }

    @GetMapping("/channels/{id}")
    String edit(@PathVariable long id, Model model) {
        ChannelView channel = channels.find(id);
        return page(model, ChannelForm.of(channel), channel, null);
    }

    @PostMapping("/channels")
    String add(ChannelForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            ChannelView added = channels.add(form.details(true));
            redirect.addFlashAttribute(
                    "notice",
                    "Channel \"" + added.name() + "\" added. Send it a test message to" + " see that it arrives.");
            return "redirect:/admin/sharing";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, form, null, e.byField());
        } catch (LimitExceededException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", e.getMessage());
            return page(model, form, null, null);
        }
    }

    @PostMapping("/channels/{id}")
    String change(
            @PathVariable long id,
            ChannelForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        ChannelView current = channels.find(id);
        try {
            long version = form.version() == null ? -1 : form.version();
            ChannelView saved = channels.change(id, version, form.details(false));
            redirect.addFlashAttribute("notice", "Channel \"" + saved.name() + "\" saved.");
            return "redirect:/admin/sharing";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, form, current, e.byField());
        } catch (StaleVersionException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            ChannelView now = channels.find(id);
            model.addAttribute(
                    "problem",
                    "Someone else changed this channel while you edited it: it is now \""
                            + now.name() + "\", " + now.format().label() + ", "
                            + now.scope().label()
                            + ". Your edit is still in the form; save again to replace theirs.");
            return page(model, form.withVersion(now.version()), now, null);
        }
    }

    @PostMapping("/channels/{id}/remove")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        ChannelView channel = channels.find(id);
        channels.remove(id, null);
        redirect.addFlashAttribute("notice", "Channel \"" + channel.name() + "\" removed.");
        return "redirect:/admin/sharing";
    }

    @PostMapping("/channels/{id}/test")
    String test(@PathVariable long id, RedirectAttributes redirect) {
        ChannelView channel = channels.find(id);
        ChannelManagement.TestResult result = channels.test(id);
        if (result.delivered()) {
            redirect.addFlashAttribute("notice", "Test message sent to \"" + channel.name() + "\".");
        } else {
            redirect.addFlashAttribute(
                    "problem", "The test message did not reach \"" + channel.name() + "\": " + result.error());
        }
        return "redirect:/admin/sharing";
    }

    @PostMapping("/channels/{id}/retry")
    String retryChannel(@PathVariable long id, RedirectAttributes redirect) {
        int count = channels.retryChannel(id);
        redirect.addFlashAttribute(
                "notice", count + " failed deliver" + (count == 1 ? "y is" : "ies are") + " being tried again now.");
        return "redirect:/admin/sharing#failed";
    }

    @PostMapping("/deliveries/{id}/retry")
    String retryDelivery(@PathVariable long id, RedirectAttributes redirect) {
        try {
            channels.retry(id);
            redirect.addFlashAttribute("notice", "Delivery " + id + " is being tried again now.");
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("problem", e.getMessage() + " It may have been sent meanwhile.");
        }
        return "redirect:/admin/sharing#failed";
    }

    private String page(
            Model model, ChannelForm form, @Nullable ChannelView editing, @Nullable Map<String, String> errors) {
        model.addAttribute("channels", channels.list());
        model.addAttribute("failed", channels.deliveries(DeliveryState.FAILED));
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        model.addAttribute("formats", ChannelFormat.values());
        model.addAttribute("scopes", List.of(Scope.ALL, Scope.SEVERITIES, Scope.TEAMS, Scope.SERVICES));
        return "sharing/admin";
    }
}
