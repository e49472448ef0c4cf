package org.kintsugi.debrief.web;

import jakarta.servlet.http.HttpServletResponse;
import org.kintsugi.shared.InvalidInputException;
import org.kintsugi.shared.RefusedException;
import org.kintsugi.shared.StaleVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Turn what the debrief pages refuse into a page that says why: 403 when this person may not do it, 409 when the
 * debrief is past doing it (cancelled, say).
 */
@ControllerAdvice(assignableTypes = {DebriefPages.class, AnswerPages.class})
class DebriefPageAdvice {

    @ExceptionHandler(RefusedException.class)
    String refused(RefusedException e, Model model, HttpServletResponse response) {
        boolean person = e.reason() == RefusedException.Reason.PERSON;
        response.setStatus(person ? HttpStatus.FORBIDDEN.value() : HttpStatus.CONFLICT.value());
        model.addAttribute("title", person ? "Not yours to change" : "Not possible now");
        model.addAttribute("reason", e.getMessage());
        return "debrief/refused";
    }

    @ExceptionHandler(StaleVersionException.class)
    String stale(StaleVersionException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("title", "Changed meanwhile");
        model.addAttribute(
                "reason",
                "Someone changed this debrief after you opened it; nothing was done. Open it again to see"
                        + " what it is now, and try again.");
        return "debrief/refused";
    }

    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("title", "Not understood");
        model.addAttribute("reason", e.getMessage());
        return "debrief/refused";
    }
}
