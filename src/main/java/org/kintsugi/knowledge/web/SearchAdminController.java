package org.kintsugi.knowledge.web;

import org.jspecify.annotations.Nullable;
import org.kintsugi.knowledge.KnowledgeSearch;
import org.kintsugi.shared.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/** Administrators rebuild the search index and watch it progress. */
@Controller
class SearchAdminController {

    private final KnowledgeSearch search;

    SearchAdminController(KnowledgeSearch search) {
        this.search = search;
    }

    @GetMapping("/admin/search")
    String page(Model model) {
        model.addAttribute("progress", search.rebuildProgress());
        return "knowledge/admin";
    }

    @GetMapping("/admin/search/progress")
    String progress(Model model) {
        model.addAttribute("progress", search.rebuildProgress());
        return "knowledge/admin :: progress";
    }

    @PostMapping("/admin/search/rebuild")
    String rebuild(@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        try {
            search.rebuild();
        } catch (RefusedException e) {
            model.addAttribute("refusal", e.getMessage());
        }
        model.addAttribute("progress", search.rebuildProgress());
        return htmx != null ? "knowledge/admin :: progress" : "knowledge/admin";
    }
}
