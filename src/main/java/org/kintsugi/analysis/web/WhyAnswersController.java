package org.kintsugi.analysis.web;

import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.whys.FiveWhys;
import org.kintsugi.analysis.whys.NodeView;
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

/** Add, change and remove the answers of a five-whys tree, each with the evidence cited for it. */
@Controller
@RequestMapping("/postmortems/{id}/whys/nodes")
class WhyAnswersController {

    private final FiveWhys whys;
    private final WhyPages pages;

    WhyAnswersController(FiveWhys whys, WhyPages pages) {
        this.whys = whys;
        this.pages = pages;
    }

    @PostMapping
    String add(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long parentId,
            AnswerForm form,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model,
            RedirectAttributes redirect) {
        AnswerForm.Read read = form.read();
        WhyAttempt.answer("add", parentId == null ? 0 : parentId, form, read).remember();
        NodeView added = whys.addCause(id, parentId, read.answer(), author);
        var done = new WhyPages.Done(added.id(), "Added. Why did that happen? Answer it below, or vote.");
        return pages.changed(id, done, htmx != null, me, model, redirect);
    }

    @PostMapping("/{nodeId}")
    String revise(
            @PathVariable long id,
            @PathVariable long nodeId,
            AnswerForm form,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model,
            RedirectAttributes redirect) {
        AnswerForm.Read read = form.read();
        WhyAttempt.answer("edit", nodeId, form, read).remember();
        whys.revise(id, nodeId, form.version() == null ? -1 : form.version(), read.answer(), author);
        return pages.changed(id, new WhyPages.Done(nodeId, "Saved."), htmx != null, me, model, redirect);
    }

    @PostMapping("/{nodeId}/remove")
    String remove(
            @PathVariable long id,
            @PathVariable long nodeId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal KintsugiPrincipal me,
            Author author,
            Model model,
            RedirectAttributes redirect) {
        Long parent = whys.node(id, nodeId, me.id()).parentId();
        WhyAttempt.of("remove", nodeId).remember();
        int removed = whys.remove(id, nodeId, author);
        String notice =
                removed == 1 ? "Removed the answer." : "Removed the answer and the " + (removed - 1) + " under it.";
        return pages.changed(
                id, new WhyPages.Done(parent == null ? 0 : parent, notice), htmx != null, me, model, redirect);
    }
}
