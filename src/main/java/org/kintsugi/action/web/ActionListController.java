package org.kintsugi.action.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionStatus;
import org.kintsugi.action.ActionView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Lists of action items across postmortems: mine, everyone's, overdue, with every filter in the URL. */
@Controller
class ActionListController {

    private final ActionManagement actions;
    private final PostmortemManagement postmortems;
    private final Clock clock;

    ActionListController(ActionManagement actions, PostmortemManagement postmortems, Clock clock) {
        this.actions = actions;
        this.postmortems = postmortems;
        this.clock = clock;
    }

    @GetMapping("/actions")
    String list(
            @RequestParam(defaultValue = "me") String owner,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Nullable String dueFrom,
            @RequestParam(required = false) @Nullable String dueTo,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model) {
        List<ActionView> items = List.of();
        try {
            items = actions.list(ActionQuery.filter(
                    owner.equals("anyone") ? null : owner, team, status, overdue, dueFrom, dueTo, me.id()));
        } catch (InvalidInputException e) {
            model.addAttribute("problem", e.getMessage());
        }
        Map<Long, String> incidentKeys = postmortems.incidentKeys(
                items.stream().map(ActionView::postmortemId).distinct().toList());
        model.addAttribute("items", items);
        model.addAttribute("incidentKeys", incidentKeys);
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        model.addAttribute("owner", owner);
        model.addAttribute("status", status);
        model.addAttribute("team", team == null ? "" : team);
        model.addAttribute("teams", postmortems.teams());
        model.addAttribute("overdue", overdue);
        model.addAttribute("dueFrom", dueFrom);
        model.addAttribute("dueTo", dueTo);
        return "action/list";
    }
}
