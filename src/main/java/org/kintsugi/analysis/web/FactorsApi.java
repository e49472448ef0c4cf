package org.kintsugi.analysis.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.factors.CategoryView;
import org.kintsugi.analysis.factors.ContributingFactors;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.factors.FactorFilter;
import org.kintsugi.analysis.factors.FactorInput;
import org.kintsugi.analysis.factors.FactorSearch;
import org.kintsugi.analysis.factors.FactorView;
import org.kintsugi.postmortem.Author;
import org.kintsugi.shared.ETags;
import org.kintsugi.shared.FieldProblem;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Contributing factors over HTTP: a postmortem's own, and a search across postmortems. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Contributing factors")
class FactorsApi {

    /**
     * A factor as a client sends it: the category by id ({@code categoryId}) or by name ({@code category}). With
     * {@code nodeId} (on create) the why-answer is marked as the factor and its statement is the answer.
     */
    record FactorRequest(
            @Nullable String statement,
            @Nullable Long categoryId,
            @Nullable String category,
            @Nullable String note,
            @Nullable Long nodeId,
            @Nullable Long version) {}

    /** What a search found, and how many factors each category has among the incidents filtered. */
    record SearchResponse(List<FactorView> factors, List<CountResponse> counts) {}

    /** One category's count. */
    record CountResponse(long categoryId, String category, boolean retired, int count) {}

    private final ContributingFactors factors;
    private final FactorCategories categories;

    FactorsApi(ContributingFactors factors, FactorCategories categories) {
        this.factors = factors;
        this.categories = categories;
    }

    @Operation(summary = "List a postmortem's contributing factors, by category")
    @GetMapping("/postmortems/{id}/factors")
    List<FactorView> list(@PathVariable long id) {
        return factors.forPostmortem(id);
    }

    @Operation(
            summary = "Add a contributing factor",
            description = "statement + category, or nodeId + category to mark a why-answer as the factor.")
    @PostMapping("/postmortems/{id}/factors")
    ResponseEntity<FactorView> add(@PathVariable long id, @RequestBody FactorRequest request, Author author) {
        Long category = categoryId(categories, request.categoryId(), request.category());
        FactorInput input = new FactorInput(request.statement(), category, request.note());
        FactorView added = request.nodeId() == null
                ? factors.add(id, input, author)
                : factors.markAnswer(id, request.nodeId(), input, author);
        return ResponseEntity.created(URI.create("/api/v1/postmortems/" + id + "/factors/" + added.id()))
                .eTag(ETags.of(added.version()))
                .body(added);
    }

    @Operation(summary = "Read one contributing factor")
    @GetMapping("/postmortems/{id}/factors/{factorId}")
    ResponseEntity<FactorView> get(@PathVariable long id, @PathVariable long factorId) {
        FactorView factor = factors.find(id, factorId);
        return ResponseEntity.ok().eTag(ETags.of(factor.version())).body(factor);
    }

    @Operation(
            summary = "Change a contributing factor",
            description = "Fields left out stay. Needs the version read (body, or If-Match); a stale one is refused"
                    + " (409 from the body, 412 from If-Match). A factor from the five whys takes its statement from"
                    + " the answer.")
    @PutMapping("/postmortems/{id}/factors/{factorId}")
    ResponseEntity<FactorView> revise(
            @PathVariable long id,
            @PathVariable long factorId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody FactorRequest request,
            Author author) {
        long expected = Versions.expected(ifMatch, request.version());
        Long category = request.categoryId() == null && request.category() == null
                ? null
                : categoryId(categories, request.categoryId(), request.category());
        FactorView revised = factors.revise(
                id, factorId, expected, new FactorInput(request.statement(), category, request.note()), author);
        return ResponseEntity.ok().eTag(ETags.of(revised.version())).body(revised);
    }

    @Operation(summary = "Remove a contributing factor", description = "A why-answer marked as one stays.")
    @DeleteMapping("/postmortems/{id}/factors/{factorId}")
    ResponseEntity<Void> remove(@PathVariable long id, @PathVariable long factorId) {
        factors.remove(id, factorId);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Find contributing factors across postmortems",
            description = "category: an id or name; team; kind: system|process|people|security|other; severity:"
                    + " SEV1–SEV4; from/to: dates (YYYY-MM-DD, both included) the incident started. counts holds every"
                    + " category's count among the factors the other filters let through.")
    @GetMapping("/factors")
    SearchResponse search(
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        List<FieldProblem> problems = new ArrayList<>();
        FactorFilter filter = FactorFilters.read(categories, category, team, kind, severity, from, to, problems);
        FactorFilters.check(problems);
        FactorSearch found = factors.search(filter);
        return new SearchResponse(
                found.factors(),
                found.counts().stream()
                        .map(c -> new CountResponse(
                                c.category().id(),
                                c.category().name(),
                                c.category().retired(),
                                c.count()))
                        .toList());
    }

    /** Return the category a request names by id or by name; null when it names none. */
    static @Nullable Long categoryId(FactorCategories categories, @Nullable Long id, @Nullable String name) {
        if (id != null || name == null || name.isBlank()) {
            return id;
        }
        return categories
                .named(name)
                .map(CategoryView::id)
                .orElseThrow(() -> new InvalidInputException("category", "'" + name + "' is not a factor category"));
    }
}
