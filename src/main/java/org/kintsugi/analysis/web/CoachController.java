package org.kintsugi.analysis.web;

import jakarta.servlet.http.HttpServletRequest;
import org.kintsugi.analysis.coach.Highlighted;
import org.kintsugi.analysis.coach.LanguageCoach;
import org.kintsugi.analysis.coach.LanguageReview;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coach beside an editor: any form in Kintsugi posts its text here as the person types (htmx, debounced) and gets
 * back the phrases to reconsider, marked in place, each with its suggestion on hover and on keyboard focus.
 */
@Controller
class CoachController {

    /** Texts longer than this are not reviewed as one types; the API takes up to a megabyte. */
    static final int MAX_TEXT = 200_000;

    private final LanguageCoach coach;

    CoachController(LanguageCoach coach) {
        this.coach = coach;
    }

    /**
     * Review the form field named by {@code field} (default {@code text}), so an editor can send its own textarea
     * whatever that is called, and answer the coach's panel.
     */
    @PostMapping("/language/highlight")
    String highlight(
            @RequestParam(defaultValue = "text") String field,
            @RequestParam(defaultValue = "coach") String id,
            HttpServletRequest request,
            Model model) {
        String text = request.getParameter(field);
        if (text == null) text = "";
        model.addAttribute("panelId", id.replaceAll("[^A-Za-z0-9_-]", ""));
        if (text.length() > MAX_TEXT) {
            model.addAttribute("tooLong", MAX_TEXT);
            return "analysis/fragments/coach :: panel";
        }
        LanguageReview review = coach.review(text);
        model.addAttribute("h", Highlighted.of(text, review));
        model.addAttribute("score", review.score());
        model.addAttribute("empty", text.isBlank());
        return "analysis/fragments/coach :: panel";
    }
}
