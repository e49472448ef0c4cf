package org.kintsugi.knowledge.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.incident.IncidentManagement;
import org.kintsugi.knowledge.similar.SimilarIncident;
import org.kintsugi.knowledge.similar.SimilarIncidents;
import org.kintsugi.knowledge.similar.SimilarityMethod;
import org.kintsugi.postmortem.PostmortemManagement;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Parsing;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Another one of those": past incidents like a postmortem's, an incident's, or one still being declared. Each
 * suggestion names the incident and says why; the text it was compared on is never returned.
 */
@RestController
@RequestMapping("/api/v1")
class SimilarApi {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 10_000;

    private final SimilarIncidents similar;
    private final IncidentManagement incidents;
    private final PostmortemManagement postmortems;

    SimilarApi(SimilarIncidents similar, IncidentManagement incidents, PostmortemManagement postmortems) {
        this.similar = similar;
        this.incidents = incidents;
        this.postmortems = postmortems;
    }

    @GetMapping("/postmortems/{id}/similar")
    List<Suggestion> forPostmortem(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String method) {
        long incidentId = postmortems.find(id).incidentId();
        return of(similar.forIncident(incidentId, limit(limit), method(method)));
    }

    @GetMapping("/incidents/{key}/similar")
    List<Suggestion> forIncident(
            @PathVariable String key,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String method) {
        long incidentId = incidents.find(key).id();
        return of(similar.forIncident(incidentId, limit(limit), method(method)));
    }

    @PostMapping("/similar")
    List<Suggestion> forText(
            @RequestBody Draft draft,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String method) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = text("title", draft.title(), MAX_TITLE, problems);
        String summary = text("summary", draft.summary(), MAX_TEXT, problems);
        String impact = text("impact", draft.impact(), MAX_TEXT, problems);
        Parsing.check(problems);
        return of(similar.forText(title, summary, impact, limit(limit), method(method)));
    }

    private static String text(String field, @Nullable String value, int max, List<FieldProblem> problems) {
        if (value == null) {
            return "";
        }
        if (value.length() > max) {
            problems.add(new FieldProblem(field, "is " + value.length() + " characters; at most " + max + " are read"));
        }
        return value;
    }

    static int limit(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return 5;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= SimilarIncidents.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(
                "limit", "must be a whole number from 1 to " + SimilarIncidents.MAX_LIMIT + ", not \"" + limit + "\"");
    }

    static SimilarityMethod method(@Nullable String method) {
        if (method == null || method.isBlank()) {
            return SimilarityMethod.HYBRID;
        }
        return SimilarityMethod.named(method)
                .orElseThrow(() -> new InvalidInputException(
                        "method", "must be hybrid, lexical, semantic or mechanism, not \"" + method + "\""));
    }

    private static List<Suggestion> of(List<SimilarIncident> found) {
        return found.stream()
                .map(s -> new Suggestion(s.incidentKey(), s.postmortemId(), s.title(), s.score(), s.reasons()))
                .toList();
    }

    /** An incident still being declared, as far as it is typed. */
    record Draft(
            @Nullable String title,
            @Nullable String summary,
            @Nullable String impact) {}

    /** A past incident like this one, and why. */
    record Suggestion(
            String incidentKey, @Nullable Long postmortemId, String title, double score, List<String> reasons) {}
}
