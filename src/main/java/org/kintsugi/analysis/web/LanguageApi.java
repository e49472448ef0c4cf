package org.kintsugi.analysis.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kintsugi.analysis.coach.Finding;
import org.kintsugi.analysis.coach.LanguageCoach;
import org.kintsugi.analysis.coach.LanguageReview;
import org.kintsugi.analysis.coach.LanguageRules;
import org.kintsugi.analysis.coach.NewRule;
import org.kintsugi.analysis.coach.RuleView;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.Limits;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Review text for blameful phrasing over HTTP; reading the rules is open to viewers, changing them to admins. */
@RestController
@RequestMapping("/api/v1/language")
@Tag(name = "Blameless language")
class LanguageApi {

    record ReviewRequest(@Nullable String text) {}

    record FindingResponse(
            int start, int end, String text, String category, String rule, String explanation, String suggestion) {

        static FindingResponse of(Finding f) {
            return new FindingResponse(
                    f.start(), f.end(), f.text(), f.category().name(), f.rule(), f.explanation(), f.suggestion());
        }
    }

    /** The review; {@code text} is the text as a reader sees it (Markdown rendered), which findings' offsets index. */
    record ReviewResponse(String text, int score, int words, List<FindingResponse> findings) {

        static ReviewResponse of(LanguageReview review) {
            return new ReviewResponse(
                    review.text(),
                    review.score(),
                    review.words(),
                    review.findings().stream().map(FindingResponse::of).toList());
        }
    }

    record RuleSwitch(@Nullable Boolean enabled) {}

    private final LanguageCoach coach;
    private final LanguageRules rules;
    private final Limits limits;

    LanguageApi(LanguageCoach coach, LanguageRules rules, Limits limits) {
        this.coach = coach;
        this.rules = rules;
        this.limits = limits;
    }

    @PostMapping("/review")
    ReviewResponse review(@RequestBody(required = false) @Nullable ReviewRequest request) {
        if (request == null || request.text() == null) {
            throw new InvalidInputException("text", "must be given");
        }
        return ReviewResponse.of(coach.review("text", request.text(), limits));
    }

    @GetMapping("/rules")
    List<RuleView> rules() {
        return rules.list();
    }

    @PutMapping("/rules/{id}")
    RuleView switchRule(@PathVariable String id, @RequestBody RuleSwitch wanted) {
        if (wanted.enabled() == null) {
            throw new InvalidInputException("enabled", "must be true or false");
        }
        return rules.switchRule(id, wanted.enabled());
    }

    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    RuleView add(@RequestBody NewRule rule) {
        return rules.add(rule);
    }
}
