package org.kintsugi.knowledge.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.knowledge.KnowledgeSearch;
import org.kintsugi.knowledge.SearchQuery;
import org.kintsugi.knowledge.SearchResults;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The search page, and the live results under the header's search box as one types. */
@Controller
class SearchController {

    static final int SUGGESTIONS = 6;

    private final KnowledgeSearch search;

    SearchController(KnowledgeSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    String page(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(name = "kind", required = false) @Nullable List<String> kinds,
            @RequestParam(name = "severity", required = false) @Nullable List<String> severities,
            @RequestParam(name = "status", required = false) @Nullable List<String> statuses,
            @RequestParam(required = false) @Nullable String service,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable String factor,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        model.addAttribute("q", q == null ? "" : q);
        try {
            SearchQuery query = SearchParams.read(
                    q, kinds, severities, statuses, service, team, factor, from, to, sort, page, null, false);
            SearchResults results = search.search(query);
            model.addAttribute("query", query);
            model.addAttribute("results", results);
            model.addAttribute(
                    "pageOf",
                    new PageImpl<>(
                            results.hits(),
                            PageRequest.of(results.page() - 1, results.size()),
                            Math.min(results.total(), SearchQuery.MAX_DEPTH)));
            model.addAttribute("previous", pageLink(results.page() - 1));
            model.addAttribute("next", pageLink(results.page() + 1));
            model.addAttribute("problems", List.of());
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("query", SearchQuery.of(q == null ? "" : q));
            model.addAttribute("results", null);
        }
        return htmx != null ? "knowledge/search :: results" : "knowledge/search";
    }

    @GetMapping("/search/suggest")
    String suggest(@RequestParam(required = false) @Nullable String q, Model model) {
        String text = q == null ? "" : q.strip();
        model.addAttribute("q", text);
        if (text.isEmpty() || text.length() > SearchQuery.MAX_TEXT) {
            model.addAttribute("hits", List.of());
            return "knowledge/fragments/suggest :: suggestions";
        }
        SearchQuery query = new SearchQuery(
                text,
                java.util.Set.of(),
                java.util.Set.of(),
                java.util.Set.of(),
                null,
                null,
                null,
                null,
                null,
                SearchQuery.SearchSort.RELEVANCE,
                1,
                SUGGESTIONS,
                true);
        SearchResults results = search.search(query);
        model.addAttribute("hits", results.hits());
        model.addAttribute("total", results.total());
        model.addAttribute("approximate", results.approximate());
        return "knowledge/fragments/suggest :: suggestions";
    }

    private static String pageLink(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .build()
                .toUriString();
    }
}
