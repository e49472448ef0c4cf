package org.kintsugi.incident.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.incident.IncidentFilter;
import org.kintsugi.incident.IncidentFormAid;
import org.kintsugi.incident.IncidentKind;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.incident.IncidentMatches;
import org.kintsugi.incident.IncidentPageSection;
import org.kintsugi.incident.IncidentSort;
import org.kintsugi.incident.IncidentStatus;
import org.kintsugi.incident.IncidentView;
import org.kintsugi.incident.PhaseBar;
import org.kintsugi.incident.Severity;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.StaleVersionException;
import org.kintsugi.shared.Zones;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The incident pages: the list, declaring, the incident itself, editing and resolving. */
@Controller
@RequestMapping("/incidents")
class IncidentController {

    private final IncidentManagement incidents;
    private final Times times;
    private final Clock clock;
    private final ObjectProvider<IncidentPageSection> sections;
    private final ObjectProvider<IncidentFormAid> formAids;

    IncidentController(
            IncidentManagement incidents,
            Times times,
            Clock clock,
            ObjectProvider<IncidentPageSection> sections,
            ObjectProvider<IncidentFormAid> formAids) {
        this.incidents = incidents;
        this.times = times;
        this.clock = clock;
        this.sections = sections;
        this.formAids = formAids;
    }

    @GetMapping
    String list(
            @ModelAttribute("query") IncidentQuery query,
            @AuthenticationPrincipal KintsugiPrincipal me,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        try {
            IncidentFilter filter = query.filter(me.zone());
            IncidentMatches matches = incidents.browse(filter);
            model.addAttribute("page", matches.page());
            model.addAttribute("moreThan", matches.moreThan());
            model.addAttribute("sort", filter.sort());
        } catch (InvalidInputException e) {
            model.addAttribute("page", Page.empty());
            model.addAttribute("sort", IncidentSort.NEWEST);
            model.addAttribute("errors", e.byField());
        }
        model.addAttribute("zone", me.zone());
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("sorts", IncidentSort.values());
        options(model);
        return htmx != null ? "incident/list :: results" : "incident/list";
    }

    @GetMapping("/new")
    String declareForm(@AuthenticationPrincipal KintsugiPrincipal me, Model model) {
        model.addAttribute("form", IncidentForm.blank(me.zone(), clock.instant()));
        return form(model, null);
    }

    @PostMapping
    String declare(
            @ModelAttribute("form") IncidentForm form,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            IncidentView incident = incidents.declare(form.details(), me.displayName());
            redirect.addFlashAttribute("notice", "Declared " + incident.key() + ".");
            return "redirect:/incidents/" + incident.key();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", e.byField());
            return form(model, null);
        }
    }

    @GetMapping("/{key}")
    String show(@PathVariable String key, @AuthenticationPrincipal KintsugiPrincipal me, Model model) {
        var page = incidents.page(key);
        IncidentView incident = page.incident();
        model.addAttribute("incident", incident);
        model.addAttribute("view", IncidentPageModel.of(page, me.zone(), times));
        model.addAttribute("bar", PhaseBar.of(incident.lifecycle(), clock.instant()));
        model.addAttribute("zone", me.zone());
        model.addAttribute("resolveAt", IncidentForm.local(clock.instant(), me.zone()));
        model.addAttribute(
                "parts",
                sections.orderedStream()
                        .flatMap(s -> s.render(incident, me).stream())
                        .toList());
        return "incident/show";
    }

    @GetMapping("/{key}/edit")
    String editForm(@PathVariable String key, @AuthenticationPrincipal KintsugiPrincipal me, Model model) {
        IncidentView incident = incidents.find(key);
        model.addAttribute("form", IncidentForm.of(incident, me.zone()));
        return form(model, incident);
    }

    @PostMapping("/{key}")
    String revise(
            @PathVariable String key,
            @ModelAttribute("form") IncidentForm form,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        IncidentView current = incidents.find(key);
        try {
            long version = form.version() == null ? current.version() : form.version();
            incidents.revise(key, version, form.details(), me.displayName());
            redirect.addFlashAttribute("notice", "Saved " + key + ".");
            return "redirect:/incidents/" + key;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", e.byField());
            return form(model, current);
        } catch (StaleVersionException e) {
            // Keep what this person typed, show the other version beside it, and let them save over it knowingly.
            IncidentView theirs = incidents.find(key);
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute(
                    "conflict",
                    Conflict.between(form, IncidentForm.of(theirs, me.zone()), theirs, incidents.activity(key)));
            model.addAttribute("form", form.withVersion(theirs.version()));
            return form(model, theirs);
        }
    }

    @PostMapping("/{key}/resolve")
    String resolve(
            @PathVariable String key,
            @RequestParam(required = false) @Nullable String resolvedAt,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(required = false) @Nullable Long version,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ZoneId zoneId = zone == null || zone.isBlank() ? me.zone() : ZoneId.of(zone);
        try {
            List<FieldProblem> problems = new ArrayList<>();
            var at = IncidentForm.moment("resolvedAt", resolvedAt, zoneId, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            incidents.resolve(key, version, at, me.displayName());
            redirect.addFlashAttribute("notice", "Resolved " + key + ".");
            return "redirect:/incidents/" + key;
        } catch (InvalidInputException | StaleVersionException e) {
            String view = show(key, me, model);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("resolveAt", resolvedAt);
            model.addAttribute(
                    "resolveError",
                    e instanceof InvalidInputException invalid
                            ? invalid.problems().getFirst().message()
                            : e.getMessage());
            return view;
        }
    }

    private String form(Model model, @Nullable IncidentView incident) {
        model.addAttribute("incident", incident);
        model.addAttribute("zones", Zones.all());
        model.addAttribute(
                "formAids",
                incident != null
                        ? java.util.List.of()
                        : formAids.orderedStream()
                                .map(IncidentFormAid::whileDeclaring)
                                .flatMap(java.util.Optional::stream)
                                .toList());
        options(model);
        return "incident/form";
    }

    private void options(Model model) {
        model.addAttribute("kinds", IncidentKind.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("knownServices", incidents.services());
        model.addAttribute("knownTeams", incidents.teams());
    }
}
