package org.kintsugi.analysis.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.factors.CategoryView;
import org.kintsugi.analysis.factors.FactorCategories;
import org.kintsugi.analysis.whys.VoteBudget;
import org.kintsugi.analysis.whys.VotingRules;
import org.kintsugi.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The five-whys vote budget and the factor taxonomy over HTTP; reading is open to viewers, changing to admins. */
@RestController
@Tag(name = "Five whys and factor settings")
class AnalysisSettingsApi {

    /** The vote budget: votes per person per tree (1–20), and the most on one answer (1–10, at most perPerson). */
    record BudgetRequest(
            @Nullable Integer perPerson, @Nullable Integer perNode) {}

    /** A category to add, or what to change of one: its name, or whether it is retired. */
    record CategoryRequest(@Nullable String name, @Nullable Boolean retired) {}

    private final VotingRules voting;
    private final FactorCategories categories;

    AnalysisSettingsApi(VotingRules voting, FactorCategories categories) {
        this.voting = voting;
        this.categories = categories;
    }

    @GetMapping("/api/v1/why-settings")
    VoteBudget budget() {
        return voting.current();
    }

    @Operation(summary = "Change the vote budget", description = "Applies to the next vote; votes cast stay.")
    @PutMapping("/api/v1/why-settings")
    VoteBudget change(@RequestBody BudgetRequest request) {
        VoteBudget current = voting.current();
        return voting.change(new VoteBudget(
                request.perPerson() == null ? current.perPerson() : request.perPerson(),
                request.perNode() == null ? current.perNode() : request.perNode()));
    }

    @Operation(summary = "List the factor categories, retired ones included, with their factor counts")
    @GetMapping("/api/v1/factor-categories")
    List<CategoryView> categories() {
        return categories.all();
    }

    @Operation(summary = "Add a factor category")
    @PostMapping("/api/v1/factor-categories")
    ResponseEntity<CategoryView> add(@RequestBody CategoryRequest request) {
        CategoryView added = categories.add(request.name());
        return ResponseEntity.created(URI.create("/api/v1/factor-categories/" + added.id()))
                .body(added);
    }

    @Operation(
            summary = "Rename, retire or bring back a factor category",
            description = "A retired category stays on its factors and is no longer offered for new ones.")
    @PutMapping("/api/v1/factor-categories/{id}")
    CategoryView change(@PathVariable long id, @RequestBody CategoryRequest request) {
        if (request.name() == null && request.retired() == null) {
            throw new InvalidInputException("name", "or retired is required");
        }
        CategoryView changed = categories.find(id);
        if (request.name() != null) {
            changed = categories.rename(id, request.name());
        }
        if (request.retired() != null) {
            changed = categories.retire(id, request.retired());
        }
        return changed;
    }
}
