package org.kintsugi.analysis.web;

import org.kintsugi.identity.KintsugiPrincipal;
import org.kintsugi.postmortem.PostmortemManagement;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How every five-whys page answers: an htmx request gets the panel and the redrawn tree, a plain one the answer's page
 * of its own, or a redirect to it after a change.
 */
@Component
class WhyPages {

    static final String UPDATE = "analysis/fragments/why-panel :: update";

    private final WhysViews views;
    private final PostmortemManagement postmortems;

    WhyPages(WhysViews views, PostmortemManagement postmortems) {
        this.views = views;
        this.postmortems = postmortems;
    }

    /** What a change did: which answer to show next and what to say. */
    record Done(long nodeId, String notice) {}

    /** Show the problem statement (0) or an answer beside the tree. */
    String show(long id, long nodeId, boolean htmx, KintsugiPrincipal me, Model model) {
        model.addAttribute("w", views.panel(id, nodeId, me));
        if (htmx) {
            return "analysis/fragments/why-panel :: panel-response";
        }
        return page(id, me, model);
    }

    /** Answer a change that went through: the panel with its notice and the tree, or a redirect to the answer. */
    String changed(long id, Done done, boolean htmx, KintsugiPrincipal me, Model model, RedirectAttributes redirect) {
        if (!htmx) {
            redirect.addFlashAttribute("notice", done.notice());
            return "redirect:" + address(id, done.nodeId());
        }
        model.addAttribute("w", views.panel(id, done.nodeId(), me).told(done.notice(), null));
        return update(id, me, model);
    }

    /** Render the whole page around the panel already in the model. */
    String page(long id, KintsugiPrincipal me, Model model) {
        model.addAttribute("d", views.diagram(id, me));
        model.addAttribute("p", postmortems.find(id));
        return "analysis/why";
    }

    /** Render the panel already in the model with the redrawn tree. */
    String update(long id, KintsugiPrincipal me, Model model) {
        model.addAttribute("d", views.diagram(id, me));
        return UPDATE;
    }

    /** Return the address of the problem statement (0) or an answer's page. */
    static String address(long id, long nodeId) {
        return "/postmortems/" + id + "/whys/" + (nodeId == 0 ? "problem" : "nodes/" + nodeId);
    }
}
