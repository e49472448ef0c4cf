package org.kintsugi.analysis.web;

import java.util.Map;
import java.util.Optional;
import org.kintsugi.analysis.coach.Highlighted;
import org.kintsugi.analysis.coach.LanguageCoach;
import org.kintsugi.analysis.coach.LanguageReview;
import org.kintsugi.postmortem.PostmortemPart;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.WritingAid;
import org.springframework.stereotype.Component;

/**
 * The language coach on a postmortem's page: beside each text box as the person types, and on the saved text of each
 * section and timeline entry, so what was written before (or by someone else) is marked too.
 */
@Component
class CoachOnPostmortem implements WritingAid {

    private final LanguageCoach coach;

    CoachOnPostmortem(LanguageCoach coach) {
        this.coach = coach;
    }

    @Override
    public Optional<String> editor() {
        return Optional.of("analysis/fragments/coach :: editor");
    }

    @Override
    public Optional<PostmortemPart.Fragment> underSection(PostmortemView.Section section) {
        if (section.empty()) {
            return Optional.empty();
        }
        LanguageReview review = coach.review(section.body());
        Highlighted h = Highlighted.of(review);
        if (h.clean()) {
            return Optional.empty();
        }
        return Optional.of(new PostmortemPart.Fragment(
                "analysis/fragments/coach :: saved",
                Map.of("h", h, "score", review.score(), "prefix", "saved-" + section.key())));
    }

    @Override
    public Optional<PostmortemPart.Fragment> inText(String id, String text) {
        LanguageReview review = coach.review(text);
        if (review.findings().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PostmortemPart.Fragment(
                "analysis/fragments/coach :: marked", Map.of("h", Highlighted.whole(review), "prefix", "saved-" + id)));
    }
}
