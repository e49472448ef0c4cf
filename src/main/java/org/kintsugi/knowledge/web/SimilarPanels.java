package org.kintsugi.knowledge.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionStatus;
import org.kintsugi.action.ActionView;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.knowledge.similar.SimilarIncident;
import org.kintsugi.knowledge.similar.SimilarIncidents;
import org.kintsugi.knowledge.similar.SimilarityMethod;
import org.kintsugi.postmortem.PostmortemManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The "another one of those" panels: on an incident's page, beside a postmortem, and under the declare form while
 * its title and summary are typed. Each suggestion links to the past postmortem and shows what was tried then: its
 * action items and whether they were done and verified effective.
 */
@Controller
class SimilarPanels {

    private static final int SHOWN = 5;
    private static final int ACTIONS_SHOWN = 5;

    private final SimilarIncidents similar;
    private final IncidentManagement incidents;
    private final PostmortemManagement postmortems;
    private final ActionManagement actions;

    SimilarPanels(
            SimilarIncidents similar,
            IncidentManagement incidents,
            PostmortemManagement postmortems,
            ActionManagement actions) {
        this.similar = similar;
        this.incidents = incidents;
        this.postmortems = postmortems;
        this.actions = actions;
    }

    @GetMapping("/incidents/{key}/similar")
    String forIncident(@PathVariable String key, Model model) {
        long incidentId = incidents.find(key).id();
        return panel(similar.forIncident(incidentId, SHOWN, SimilarityMethod.HYBRID), false, model);
    }

    @GetMapping("/postmortems/{id}/similar")
    String forPostmortem(@PathVariable long id, Model model) {
        long incidentId = postmortems.find(id).incidentId();
        return panel(similar.forIncident(incidentId, SHOWN, SimilarityMethod.HYBRID), false, model);
    }

    @PostMapping("/incidents/similar")
    String whileDeclaring(
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String summary,
            @RequestParam(required = false) @Nullable String impact,
            Model model) {
        String t = clip(title, SimilarApi.MAX_TITLE);
        String s = clip(summary, SimilarApi.MAX_TEXT);
        String i = clip(impact, SimilarApi.MAX_TEXT);
        if ((t + s).strip().length() < 8) {
            model.addAttribute("suggestions", List.of());
            model.addAttribute("declaring", true);
            model.addAttribute("waiting", true);
            return "knowledge/fragments/similar :: list";
        }
        return panel(similar.forText(t, s, i, SHOWN, SimilarityMethod.HYBRID), true, model);
    }

    private String panel(List<SimilarIncident> found, boolean declaring, Model model) {
        model.addAttribute(
                "suggestions",
                found.stream()
                        .map(s -> new Suggestion(s, tried(s.postmortemId())))
                        .toList());
        model.addAttribute("declaring", declaring);
        model.addAttribute("waiting", false);
        return "knowledge/fragments/similar :: list";
    }

    private List<Tried> tried(@Nullable Long postmortemId) {
        if (postmortemId == null) {
            return List.of();
        }
        return actions.forPostmortem(postmortemId).stream()
                .limit(ACTIONS_SHOWN)
                .map(a -> new Tried(
                        a.title(),
                        a.status().label(),
                        a.status().name().toLowerCase(java.util.Locale.ROOT),
                        effective(a)))
                .toList();
    }

    private static boolean effective(ActionView action) {
        return action.status() == ActionStatus.VERIFIED;
    }

    private static String clip(@Nullable String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() > max ? text.substring(0, max) : text;
    }

    /** A suggestion as the panel shows it. */
    record Suggestion(SimilarIncident incident, List<Tried> tried) {}

    /** An action item of the past postmortem: what was tried last time, and how it went. */
    record Tried(String title, String status, String code, boolean effective) {}
}
