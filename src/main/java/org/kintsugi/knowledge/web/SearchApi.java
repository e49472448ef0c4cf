package org.kintsugi.knowledge.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kintsugi.knowledge.KnowledgeSearch;
import org.kintsugi.knowledge.RebuildProgress;
import org.kintsugi.knowledge.SearchHit;
import org.kintsugi.knowledge.SearchResults;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search everything people wrote about incidents, and rebuild the index (administrators). */
@RestController
@RequestMapping("/api/v1/search")
class SearchApi {

    private final KnowledgeSearch search;

    SearchApi(KnowledgeSearch search) {
        this.search = search;
    }

    @GetMapping
    Results search(
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
            @RequestParam(required = false) @Nullable String size) {
        SearchResults results = search.search(SearchParams.read(
                q, kinds, severities, statuses, service, team, factor, from, to, sort, page, size, false));
        return new Results(
                results.total(),
                results.hits().stream().map(Hit::of).toList(),
                results.facets(),
                results.approximate(),
                results.page(),
                results.size());
    }

    @PostMapping("/reindex")
    ResponseEntity<Progress> reindex() {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/search/reindex"))
                .body(Progress.of(search.rebuild()));
    }

    @GetMapping("/reindex")
    Progress progress() {
        return Progress.of(search.rebuildProgress());
    }

    /** A page of results with the facet counts over all of them. */
    record Results(
            long total,
            List<Hit> hits,
            Map<String, Map<String, Long>> facets,
            boolean approximate,
            int page,
            int size) {}

    /** One incident found; the snippet is HTML with the matched words in {@code <mark>}. */
    record Hit(
            String incidentKey,
            @Nullable Long postmortemId,
            String title,
            String snippet,
            @Nullable String section,
            float score,
            String kind,
            String severity,
            Instant startedAt) {

        static Hit of(SearchHit hit) {
            return new Hit(
                    hit.incidentKey(),
                    hit.postmortemId(),
                    hit.title(),
                    hit.snippet(),
                    hit.section(),
                    hit.score(),
                    hit.kind(),
                    hit.severity(),
                    hit.startedAt());
        }
    }

    /** How the latest rebuild of the index went, or is going. */
    record Progress(
            boolean running,
            String step,
            long done,
            long total,
            int percent,
            String reason,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String failure) {

        static Progress of(RebuildProgress p) {
            return new Progress(
                    p.running(),
                    p.step(),
                    p.done(),
                    p.total(),
                    p.percent(),
                    p.reason(),
                    p.startedAt(),
                    p.finishedAt(),
                    p.failure());
        }
    }
}
