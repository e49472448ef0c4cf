package org.kintsugi.analysis.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kintsugi.analysis.coach.Highlighted;
import org.kintsugi.analysis.coach.LanguageCoach;
import org.kintsugi.analysis.coach.LanguageReview;
import org.kintsugi.shared.LimitExceededException;
import org.kintsugi.shared.Limits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coach beside an editor: any form in Kintsugi posts its text here as the person types (htmx, debounced) and gets
 * back the phrases to reconsider, marked in place, each with its suggestion on hover and on keyboard focus. It only
 * reviews the text it is sent, so it tells nobody anything about what others wrote.
 */
@Controller
class CoachController {

    private final LanguageCoach coach;
    private final Limits limits;

    CoachController(LanguageCoach coach, Limits limits) {
        this.coach = coach;
        this.limits = limits;
    }

    /**
     * Review the form field named by {@code field} (default {@code text}), so an editor can send its own textarea
     * whatever that is called, and answer the coach's panel. A text past the coach's limits is answered 400 with the
     * panel saying which limit, so the page shows it where the findings would be.
     */
    @PostMapping("/language/highlight")
    String highlight(
            @RequestParam(defaultValue = "text") String field,
            @RequestParam(defaultValue = "coach") String id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String text = request.getParameter(field);
        if (text == null) text = "";
        model.addAttribute("panelId", id.replaceAll("[^A-Za-z0-9_-]", ""));
        try {
            LanguageReview review = coach.review(field, text, limits);
            model.addAttribute("h", Highlighted.of(review));
            model.addAttribute("score", review.score());
            model.addAttribute("empty", text.isBlank());
        } catch (LimitExceededException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("tooMuch", e.getMessage());
        }
        return "analysis/fragments/coach :: panel";
    }
}
