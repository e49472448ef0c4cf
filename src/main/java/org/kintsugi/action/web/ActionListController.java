package org.kintsugi.action.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.action.ActionFilter;
import org.kintsugi.action.ActionManagement;
import org.kintsugi.action.ActionStatus;
import org.kintsugi.action.ActionView;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Lists of action items across postmortems: mine, everyone's, overdue, with every filter in the URL. */
@Controller
class ActionListController {

    static final int PAGE_SIZE = 50;

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
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Nullable String dueFrom,
            @RequestParam(required = false) @Nullable String dueTo,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Model model) {
        Page<ActionView> found = Page.empty();
        boolean everyones = false;
        String shown = owner == null ? "me" : owner;
        try {
            ActionFilter filter = ActionQuery.filter(
                    shown.equals("anyone") ? null : shown, team, status, overdue, dueFrom, dueTo, me.id());
            if (owner == null
                    && unfiltered(team, status, overdue, dueFrom, dueTo)
                    && actions.list(filter.open(), 0, 1).isEmpty()) {
                // Opening the list with nothing of one's own to do shows what is still open for everyone instead
                // of an empty page; asking for owner=me explicitly still shows one's own list.
                filter = filter.anyOwner().open();
                everyones = true;
                shown = "anyone";
            }
            found = actions.list(filter, page, PAGE_SIZE);
        } catch (InvalidInputException e) {
            model.addAttribute("problem", e.getMessage());
        }
        List<ActionView> items = found.getContent();
        model.addAttribute("everyones", everyones);
        model.addAttribute("page", found);
        model.addAttribute("previousPage", found.hasPrevious() ? pageUrl(found.getNumber() - 1) : null);
        model.addAttribute("nextPage", found.hasNext() ? pageUrl(found.getNumber() + 1) : null);
        Map<Long, String> incidentKeys = postmortems.incidentKeys(
                items.stream().map(ActionView::postmortemId).distinct().toList());
        model.addAttribute("items", items);
        model.addAttribute("incidentKeys", incidentKeys);
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        model.addAttribute("owner", shown);
        model.addAttribute("status", status);
        model.addAttribute("team", team == null ? "" : team);
        model.addAttribute("teams", postmortems.teams());
        model.addAttribute("overdue", overdue);
        model.addAttribute("dueFrom", dueFrom);
        model.addAttribute("dueTo", dueTo);
        return "action/list";
    }

    private static boolean unfiltered(
            @Nullable String team,
            @Nullable String status,
            boolean overdue,
            @Nullable String dueFrom,
            @Nullable String dueTo) {
        return isBlank(team) && isBlank(status) && !overdue && isBlank(dueFrom) && isBlank(dueTo);
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    /** Return this list's address on another page, keeping every filter. */
    private static String pageUrl(int page) {
        var uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page");
        if (page > 0) {
            uri.queryParam("page", page);
        }
        return uri.build().toUriString();
    }
}
