package org.kintsugi.analysis.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kintsugi.analysis.coach.Highlighted;
import org.kintsugi.analysis.coach.LanguageCoach;
import org.kintsugi.analysis.coach.LanguageReview;
import org.kintsugi.postmortem.PostmortemPart;
import org.kintsugi.postmortem.PostmortemView;
import org.kintsugi.postmortem.ReviewAid;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Under the reviewer checklist's item on blameless language, show what the coach finds in each written section, so
 * the reviewer checks the item against the text rather than from memory. The item is the one whose wording matches
 * {@code kintsugi.language.checklist-item} (by default one that speaks of blame, of why it made sense, or of language).
 */
@Component
class CoachOnReview implements ReviewAid {

    /** One section's findings. */
    record SectionFindings(String key, String heading, Highlighted highlighted) {}

    private final LanguageCoach coach;
    private final Pattern item;

    CoachOnReview(
            LanguageCoach coach,
            @Value("${kintsugi.language.checklist-item:(?i)blame|made sense|not who|language|phrasing}") String item) {
        this.coach = coach;
        this.item = Pattern.compile(item);
    }

    @Override
    public Optional<PostmortemPart.Fragment> render(String checklistItem, PostmortemView postmortem) {
        if (!item.matcher(checklistItem).find()) {
            return Optional.empty();
        }
        List<SectionFindings> sections = new ArrayList<>();
        List<LanguageReview> reviews = new ArrayList<>();
        for (PostmortemView.Section s : postmortem.sections()) {
            if (s.empty()) continue;
            LanguageReview review = coach.review(s.body());
            reviews.add(review);
            Highlighted h = Highlighted.of(review);
            if (!h.clean()) sections.add(new SectionFindings(s.key(), s.heading(), h));
        }
        int findings = sections.stream()
                .mapToInt(s -> s.highlighted().findings().size())
                .sum();
        return Optional.of(new PostmortemPart.Fragment(
                "analysis/fragments/coach :: review",
                Map.of(
                        "sections",
                        sections,
                        "written",
                        reviews.size(),
                        "findings",
                        findings,
                        "score",
                        LanguageReview.scoreOf(reviews))));
    }
}
