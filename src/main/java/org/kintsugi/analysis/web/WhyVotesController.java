package org.kintsugi.analysis.web;

import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.analysis.whys.VoteState;
import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.Author;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Vote for the answers that matter most, withdraw a vote, and choose the path the postmortem follows. */
@Controller
@RequestMapping("/postmortems/{id}/whys/nodes/{nodeId}")
class WhyVotesController {

    private final FiveWhys whys;
    private final WhyPages pages;

    WhyVotesController(FiveWhys whys, WhyPages pages) {
        this.whys = whys;
        this.pages = pages;
    }

    @PostMapping("/vote")
    String vote(
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model,
            RedirectAttributes redirect) {
        WhyAttempt.of("vote", nodeId).remember();
        VoteState state = whys.vote(id, nodeId, author);
        var done = new WhyPages.Done(nodeId, "Voted. You have " + left(state) + " left.");
        return pages.changed(id, done, htmx != null, me, model, redirect);
    }

    @PostMapping("/withdraw")
    String withdraw(
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model,
            RedirectAttributes redirect) {
        WhyAttempt.of("vote", nodeId).remember();
        VoteState state = whys.withdraw(id, nodeId, author);
        var done = new WhyPages.Done(nodeId, "Vote withdrawn. You have " + left(state) + " left.");
        return pages.changed(id, done, htmx != null, me, model, redirect);
    }

    @PostMapping("/choose")
    String choose(
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestParam(defaultValue = "true") boolean chosen,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model,
            RedirectAttributes redirect) {
        WhyAttempt.of("choose", nodeId).remember();
        whys.choose(id, nodeId, chosen, author);
        String notice =
                chosen ? "Chosen: this answer and the whys above it are the path followed." : "No longer chosen.";
        return pages.changed(id, new WhyPages.Done(nodeId, notice), htmx != null, me, model, redirect);
    }

    private static String left(VoteState state) {
        return state.votesLeft() + (state.votesLeft() == 1 ? " vote" : " votes");
    }
}
